// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Activation;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.GoCardless;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Sql;
using GoCardlessHalo.Core.Sql;
using GoCardlessHalo.Core.Sync.Import;
using GoCardlessHalo.Core.Tests.Halo.Sql;

namespace GoCardlessHalo.Core.Tests.Activation;

/// <summary>Migrating from Halo's own GoCardless integration (issue 11): its settings become this module's, and a rerun changes nothing.</summary>
public sealed class HaloIntegrationMigrationTests
{
    private static readonly HaloSite[] Sites =
    {
        new() { Id = 1, Name = "Default Site", ClientId = 1, ClientName = "Unassigned Customers" },
        new() { Id = 30, Name = "Inbox", ClientId = 3, ClientName = "GoCardless Imports" },
    };

    private static readonly HaloFieldDefinition[] Fields =
    {
        new() { Id = 1, Name = "GoCardlessCustomerId", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage },
        new() { Id = 5, Name = "AccountRef", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage },
        new() { Id = 6, Name = "Region", Type = HaloFieldDefinition.TextType, Usage = HaloFieldDefinition.UserUsage },
    };

    [Fact]
    public void HalosSettingsBecomeTheModulesAndARerunChangesNothing()
    {
        var halo = Halo(defaultSite: 30, matching: false, sandbox: true);
        var settings = new ModuleSettings { DefaultSite = "Default Site", GoCardless = { Environment = GoCardlessEnvironment.Live } };

        var plan = HaloIntegrationMigration.Plan(halo, settings, Sites, Fields).ToDictionary(c => c.Setting);
        HaloIntegrationMigration.Apply(plan.Values, settings);

        Assert.Equal((IntegrationSettingAction.Set, "30"), (plan["defaultSite"].Action, plan["defaultSite"].FromHalo));
        Assert.Equal((IntegrationSettingAction.Set, "Off", true), (plan["matchMode"].Action, plan["matchMode"].FromHalo, plan["matchMode"].Inferred));
        Assert.Equal((IntegrationSettingAction.Set, "Sandbox"), (plan["goCardless.environment"].Action, plan["goCardless.environment"].FromHalo));
        Assert.Equal((IntegrationSettingAction.Set, "AccountRef"), (plan["fieldMappings[account_ref]"].Action, plan["fieldMappings[account_ref]"].FromHalo));
        Assert.Equal("Region", plan["fieldMappings[region]"].FromHalo); // found by its name (CF prefix dropped) when the id is unknown
        Assert.Equal(IntegrationSettingAction.Set, plan["fieldOwnership[AccountRef]"].Action);
        Assert.Equal(IntegrationSettingAction.NotCarried, plan["fieldMappings[gone]"].Action);
        Assert.Equal(("30", MatchMode.Off, GoCardlessEnvironment.Sandbox), (settings.DefaultSite, settings.MatchMode, settings.GoCardless.Environment));
        Assert.Equal(new[] { "account_ref:AccountRef", "region:Region" }, settings.FieldMappings.Select(m => m.GoCardlessField + ":" + m.HaloField).OrderBy(s => s));
        Assert.Equal(FieldRule.CreateOnly, settings.FieldOwnership["AccountRef"]);
        Assert.All(HaloIntegrationMigration.Plan(halo, settings, Sites, Fields), c => Assert.NotEqual(IntegrationSettingAction.Set, c.Action));
    }

    [Fact]
    public void MatchingOnKeepsANormalisedModeAndADefaultSiteNamingNothingIsNotCarried()
    {
        var settings = new ModuleSettings { DefaultSite = "30", MatchMode = MatchMode.Normalized };

        var plan = HaloIntegrationMigration.Plan(Halo(defaultSite: 99, matching: true, sandbox: false), settings, Sites, Fields).ToDictionary(c => c.Setting);

        Assert.Equal(IntegrationSettingAction.Unchanged, plan["matchMode"].Action);
        Assert.Equal(IntegrationSettingAction.NotCarried, plan["defaultSite"].Action);
        Assert.Contains("names no active site", plan["defaultSite"].Note);
    }

    [Fact]
    public async Task TheSqlTargetReadsControl4TheGoCardlessMappingsAndTheIntegratorSwitch()
    {
        using var factory = new SqliteHaloTargetFactory();
        var options = await factory.CreateDatabaseAsync();
        await RawSqlite.ExecuteAsync(options, "UPDATE Control4 SET rgocardlessdefaultsite = 30, rgocardlesscompanynamematching = 1, rgocardlessusesandbox = 1");
        await RawSqlite.ExecuteAsync(options, "INSERT INTO MODULESETUP (MSid, MSName, MSHaloIntegratorEnabled) VALUES (7, 'GoCardless', 1), (8, 'Xero', 1)");
        await RawSqlite.ExecuteAsync(options, "INSERT INTO IntegrationFieldMapping (IFMfiid, IFMfiname, IFMThirdPartyName, IFMmsid, IFMDontUpdate) VALUES (5, 'CFAccountRef', 'account_ref', 7, 1), (6, 'CFRegion', 'xero_region', 8, 0)");
        using var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);

        var halo = await target.ReadGoCardlessSettingsAsync(CancellationToken.None);

        Assert.Equal((30, true, true, true), (halo.DefaultSiteId, halo.CompanyNameMatching, halo.UseSandbox, halo.IntegratorEnabled));
        var mapping = Assert.Single(halo.FieldMappings); // only the GoCardless module's rows
        Assert.Equal((5, "CFAccountRef", "account_ref", true), (mapping.HaloFieldId, mapping.HaloFieldName, mapping.GoCardlessField, mapping.DontUpdate));
        Assert.Empty(halo.Gaps);
    }

    [Fact]
    public async Task ASqlHaloWithoutTheTablesGivesGapsNotErrors()
    {
        using var factory = new SqliteHaloTargetFactory();
        var options = await factory.CreateDatabaseAsync();
        await RawSqlite.ExecuteAsync(options, "DROP TABLE Control4; DROP TABLE IntegrationFieldMapping; DROP TABLE MODULESETUP");
        using var target = new HaloSqlTarget(options);
        await target.OpenAsync(CancellationToken.None);

        var halo = await target.ReadGoCardlessSettingsAsync(CancellationToken.None);

        Assert.Null(halo.DefaultSiteId);
        Assert.Null(halo.IntegratorEnabled);
        Assert.Equal(2, halo.Gaps.Count);
        Assert.Contains(halo.Gaps, g => g.Contains("no Control4 table"));
    }

    private static HaloGoCardlessSettings Halo(int defaultSite, bool matching, bool sandbox)
    {
        var halo = new HaloGoCardlessSettings { DefaultSiteId = defaultSite, CompanyNameMatching = matching, UseSandbox = sandbox, IntegratorEnabled = false };
        halo.FieldMappings.Add(new HaloIntegrationFieldMapping { HaloFieldId = 5, HaloFieldName = "CFAccountRef", GoCardlessField = "account_ref", DontUpdate = true });
        halo.FieldMappings.Add(new HaloIntegrationFieldMapping { HaloFieldId = 77, HaloFieldName = "CFRegion", GoCardlessField = "region" });
        halo.FieldMappings.Add(new HaloIntegrationFieldMapping { HaloFieldId = 99, HaloFieldName = "CFGone", GoCardlessField = "gone" });
        return halo;
    }
}
