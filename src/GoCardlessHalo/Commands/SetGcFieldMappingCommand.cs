// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GoCardlessHalo.Cmdlets;
using GoCardlessHalo.Completion;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Errors;
using GoCardlessHalo.Core.Halo;
using GoCardlessHalo.Core.Sync;
using GoCardlessHalo.Output;

namespace GoCardlessHalo.Commands
{
    /// <summary>
    /// <para type="synopsis">Maps a GoCardless customer custom field (metadata key) to a Halo user custom field.</para>
    /// <para type="description">Adds the mapping, or changes the Halo field of an existing one. Accepts mapping objects
    /// from the pipeline (Get-GcFieldMapping output, or any object with GoCardlessField and HaloField properties).
    /// The Halo field must be a custom field of type Text on the User entity: when Halo can be reached it is checked
    /// (HaloFieldNotFound, HaloFieldNotUserText), and -CreateHaloField creates a missing one; an unreachable Halo is a warning
    /// (Import-GcUser checks again before it writes), a Halo that refuses the credentials stops the command. All mappings of one
    /// call are saved together at the end.</para>
    /// <para type="description">The GoCardless field is a customer metadata key (a custom field in the GoCardless dashboard; a
    /// customer holds at most three), which Import-GcUser copies, or one of the payment summaries payment.last_status,
    /// payment.last_charge_date, payment.last_amount and mandate.status, which Sync-GcPayment writes when it changes. One Halo
    /// field receives one GoCardless field, and the link field cannot be mapped (FieldMappingConflict). A mapping that fails is a
    /// non-terminating error; the others of the same call are still saved.</para>
    /// <para type="link">Get-GcFieldMapping</para>
    /// <para type="link">Remove-GcFieldMapping</para>
    /// <para type="link">Import-GcUser</para>
    /// <para type="link">Sync-GcPayment</para>
    /// </summary>
    /// <example>
    /// <code>PS&gt; Set-GcFieldMapping -GoCardlessField account_ref -HaloField CFAccountRef</code>
    /// <para>Copies each customer's account_ref custom field into the Halo user field CFAccountRef on the next Import-GcUser.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Set-GcFieldMapping payment.last_status LastPaymentStatus -CreateHaloField</code>
    /// <para>Keeps the status of each linked user's latest payment in the Halo field LastPaymentStatus, creating that field (Text,
    /// User) in Halo first when it does not exist. Sync-GcPayment writes it whenever the status changes.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; @(
    ///     [pscustomobject]@{ GoCardlessField = 'account_ref'; HaloField = 'CFAccountRef' }
    ///     [pscustomobject]@{ GoCardlessField = 'contract'; HaloField = 'CFContractType' }
    /// ) | Set-GcFieldMapping -PassThru</code>
    /// <para>Sets several mappings from objects (for instance rows of Import-Csv) in one call; the settings file is written once and
    /// -PassThru returns the mappings that changed.</para>
    /// </example>
    /// <example>
    /// <code>PS&gt; Set-GcFieldMapping account_ref CFAccountRef -ConfigPath C:\ProgramData\GoCardlessHalo -WhatIf</code>
    /// <para>Checks the Halo field and shows the change to the machine-wide configuration without saving it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "GcFieldMapping", SupportsShouldProcess = true)]
    [OutputType(typeof(GcFieldMapping))]
    public sealed class SetGcFieldMappingCommand : GcCmdlet
    {
        private readonly List<FieldMapping> _changed = new List<FieldMapping>();
        private IHaloTarget? _target;
        private UserFieldResolver? _haloFields;
        private bool _haloRead;

        /// <summary>The GoCardless customer metadata key (up to 50 characters, case-sensitive), or a payment summary: payment.last_status,
        /// payment.last_charge_date, payment.last_amount or mandate.status. Also by property name from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GoCardlessFieldCompleter))]
        public string GoCardlessField { get; set; } = string.Empty;

        /// <summary>The name of the Halo user custom field (type Text, entity User) that receives the value. Also by property name from
        /// the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HaloFieldCompleter))]
        public string HaloField { get; set; } = string.Empty;

        /// <summary>Create the Halo custom field (Text, User entity) when it does not exist yet, instead of failing with
        /// HaloFieldNotFound.</summary>
        [Parameter]
        public SwitchParameter CreateHaloField { get; set; }

        /// <summary>Return the mappings that were added or changed. By default Set-GcFieldMapping writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            try
            {
                var mapping = FieldMapping.Create(GoCardlessField, HaloField);
                Apply(mapping);
            }
            catch (GcHaloException ex)
            {
                WriteItemError(ex);
            }
        }

        protected override void End()
        {
            if (_changed.Count > 0)
            {
                Context.Save();
                WriteVerbose($"Saved {_changed.Count} mapping(s) to {Context.Location.SettingsPath}.");
            }

            if (PassThru)
            {
                foreach (var mapping in _changed)
                {
                    WriteObject(StatusBuilder.Mapping(mapping));
                }
            }
        }

        private void Apply(FieldMapping mapping)
        {
            var mappings = Context.Settings.FieldMappings;
            FieldMappingRules.Check(mapping, mappings, Context.Settings.Halo.LinkField);

            var index = mappings.FindIndex(m => m.GoCardlessField == mapping.GoCardlessField);
            if (index >= 0 && string.Equals(mappings[index].HaloField, mapping.HaloField, StringComparison.Ordinal))
            {
                WriteVerbose($"'{mapping.GoCardlessField}' is already mapped to '{mapping.HaloField}'.");
                return;
            }

            CheckInHalo(mapping);
            var action = index >= 0 ? $"Map to Halo field '{mapping.HaloField}' (was '{mappings[index].HaloField}')" : $"Map to Halo field '{mapping.HaloField}'";
            if (!ShouldProcess($"GoCardless field '{mapping.GoCardlessField}'", action))
            {
                return;
            }

            if (index >= 0)
            {
                mappings[index] = mapping;
            }
            else
            {
                mappings.Add(mapping);
                WarnWhenMoreThanThreeMetadataKeys(mappings);
            }

            _changed.Add(mapping);
        }

        protected override void DisposeResources() => _target?.Dispose();

        // Checks the Halo field when Halo can be reached; creates it with -CreateHaloField. An unreachable Halo
        // does not stop the mapping (the import checks every mapping again before it writes anything).
        private void CheckInHalo(FieldMapping mapping)
        {
            var fields = ReadHaloFields();
            var problem = fields?.Check(mapping.HaloField, $"Mapping '{mapping.GoCardlessField}' -> '{mapping.HaloField}'");
            if (problem is null)
            {
                return;
            }

            if (problem.ErrorId == ErrorIds.HaloFieldNotFound && CreateHaloField)
            {
                var name = UserFieldResolver.Bare(mapping.HaloField);
                if (ShouldProcess(_target!.Location, $"Create the Halo user custom field '{name}' (Text)"))
                {
                    Await(_target.CreateUserTextFieldAsync(name, name, CancellationToken));
                    _haloFields = new UserFieldResolver(Await(_target.GetUserFieldsAsync(CancellationToken)));
                }

                return;
            }

            throw new GcHaloException(problem.ErrorId, ErrorKind.InvalidData, problem.Message + (problem.ErrorId == ErrorIds.HaloFieldNotFound ? " Or add -CreateHaloField." : string.Empty), mapping.HaloField);
        }

        private UserFieldResolver? ReadHaloFields()
        {
            if (_haloRead)
            {
                return _haloFields;
            }

            _haloRead = true;
            if (Context.Settings.Halo.Target is null)
            {
                WriteVerbose("No Halo target is configured yet; Import-GcUser checks the Halo field before it writes.");
                return null;
            }

            try
            {
                _target = Connections.CreateHaloTarget();
                Await(_target.OpenAsync(CancellationToken));
                _haloFields = new UserFieldResolver(Await(_target.GetUserFieldsAsync(CancellationToken)));
            }
            catch (GcHaloException ex) when (ex.Kind is ErrorKind.ConnectionFailed or ErrorKind.Timeout or ErrorKind.Remote or ErrorKind.NotFound)
            {
                WriteWarning($"Halo could not be reached to check the field ({ex.Message}). The mapping is saved; Import-GcUser checks it before it writes.");
            }
            catch (GcHaloException ex)
            {
                // Halo answered but refused (credentials, permissions): no mapping of this call can be checked, and
                // none may be saved unchecked as if Halo had been unreachable.
                Fail(ErrorRecords.From(ex));
            }

            return _haloFields;
        }

        private void WarnWhenMoreThanThreeMetadataKeys(List<FieldMapping> mappings)
        {
            var metadataKeys = mappings.Count(m => m.Source == FieldMappingSource.Metadata);
            if (metadataKeys > 3)
            {
                WriteWarning($"{metadataKeys} metadata keys are mapped, but a GoCardless customer holds at most 3; customers will only fill some of these fields.");
            }
        }
    }
}
