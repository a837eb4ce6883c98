// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Halo.Api;
using GoCardlessHalo.Emulator;

namespace GoCardlessHalo.Core.Tests.Halo.Api;

/// <summary>
/// The shared Halo target suite's factory for the REST API target: one in-process emulator (started on first
/// use, stopped on dispose); each <see cref="CreateAsync"/> replaces the emulator's state with the seed through
/// POST /__admin/halo/seed and returns an opened <see cref="HaloApiTarget"/>. Use it as a class fixture.
/// </summary>
public sealed class ApiHaloTargetFactory : IHaloTargetFactory, IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmulatorHost? _host;

    /// <summary>The emulator behind the targets (started by <see cref="CreateAsync"/> if needed).</summary>
    public EmulatorHost? Host => _host;

    public async Task<IHaloTarget> CreateAsync(HaloSeed seed)
    {
        var host = await HostAsync();
        await HaloApiTestKit.SeedAsync(host, ToHaloShapes(seed));
        var target = new HaloApiTarget(HaloApiTestKit.Options(host));
        await target.OpenAsync(CancellationToken.None);
        return target;
    }

    public Task InitializeAsync() => HostAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }

    /// <summary>The seed in Halo's API shapes; custom field values name their field (Halo accepts name or id).</summary>
    public static object ToHaloShapes(HaloSeed seed) => new
    {
        fields = seed.Fields.Select(f => new { id = f.Id, name = f.Name, label = f.Label ?? f.Name, type = f.Type, usage = f.Usage }),
        clients = seed.Clients.Select(c => new { id = c.Id, name = c.Name, inactive = c.Inactive }),
        sites = seed.Sites.Select(s => new { id = s.Id, name = s.Name, client_id = s.ClientId, isinvoicesite = s.IsInvoiceSite, inactive = s.Inactive }),
        users = seed.Users.Select(u => new
        {
            id = u.Id,
            name = u.Name,
            firstname = u.FirstName,
            surname = u.Surname,
            emailaddress = u.Email,
            phonenumber = u.Phone,
            site_id = u.SiteId,
            inactive = u.Inactive,
            customfields = u.CustomFields.Select(cf => new { name = cf.Key, value = cf.Value }),
        }),
        invoices = seed.Invoices.Select(i => new
        {
            id = i.Id,
            invoicenumber = i.InvoiceNumber,
            client_id = i.ClientId,
            sitenumber = i.SiteId,
            uid = i.UserId,
            posted = i.Posted,
            voided = i.Voided,
            invoice_date = i.InvoiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            duedate = i.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            currency = i.Currency,
            amountpaid = i.AmountPaid,
            lines = new[] { new { item_shortdescription = "Support", net_amount = i.Total, tax_amount = 0m } },
        }),
    };

    private async Task<EmulatorHost> HostAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _host ??= await EmulatorHost.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
