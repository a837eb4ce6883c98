// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GoCardlessHalo.Core.Config;
using GoCardlessHalo.Core.Connections;
using GoCardlessHalo.Core.Diagnostics;
using GoCardlessHalo.Core.Errors;

namespace GoCardlessHalo.Cmdlets
{
    /// <summary>
    /// Base of every GoCardlessHalo cmdlet: -ConfigPath, configuration loading, engine errors mapped to
    /// ErrorRecords, engine log messages written on the pipeline thread, and Ctrl+C cancelling engine work.
    /// Subclasses override <see cref="Begin"/>, <see cref="Process"/> and <see cref="End"/>.
    /// </summary>
    public abstract class GcCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private PipelineLog? _log;
        private ModuleContext? _context;

        /// <summary>
        /// The settings file, or the folder that holds GoCardlessHalo.yaml (with the sync state, audit log, embedded database and
        /// payment ledger beside it). Default: $env:GOCARDLESSHALO_HOME, else %ProgramData%\GoCardlessHalo when running as SYSTEM
        /// (RMM tools, scheduled tasks) or %APPDATA%\GoCardlessHalo for other accounts on Windows, else
        /// $XDG_CONFIG_HOME/GoCardlessHalo or ~/.config/GoCardlessHalo.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConfigPath { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        protected internal CancellationToken CancellationToken => _cancellation.Token;

        internal PipelineLog Log => _log ??= new PipelineLog(this, PipelineLog.ActivityIdFor(GetType().Name));

        /// <summary>The loaded configuration (loaded on first use; an invalid file stops the command).</summary>
        internal ModuleContext Context => _context ??= LoadContext();

        /// <summary>Builds the GoCardless client and Halo target from the configuration.</summary>
        internal ModuleConnections Connections => ConnectionsFor(Context.Settings);

        /// <summary>Connections for settings that are not (yet) the saved ones, e.g. what Enable-GcModule plans.</summary>
        internal ModuleConnections ConnectionsFor(ModuleSettings settings) => new ModuleConnections(settings, Context.Location, Context.Secrets, HostClientInfo(), Log);

        public void Dispose()
        {
            DisposeResources();
            _cancellation.Dispose();
            _log?.Signal.Dispose();
        }

        /// <summary>Releases what the command opened (clients, targets, locks).</summary>
        protected virtual void DisposeResources()
        {
        }

        /// <summary>Called before a terminating error stops the command, e.g. to record the failed run.</summary>
        internal virtual void OnTerminatingError(GcHaloException exception)
        {
        }

        protected virtual void Begin()
        {
        }

        protected virtual void Process()
        {
        }

        protected virtual void End()
        {
        }

        protected sealed override void BeginProcessing() => Guard(Begin);

        protected sealed override void ProcessRecord() => Guard(Process);

        protected sealed override void EndProcessing() => Guard(End);

        protected sealed override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Stops the command unless the integration is enabled (ErrorId ModuleDisabled).</summary>
        internal void RequireEnabled()
        {
            if (!Context.Settings.Enabled)
            {
                throw new GcHaloException(
                    ErrorIds.ModuleDisabled,
                    ErrorKind.NotEnabled,
                    Context.IsConfigured
                        ? $"The GoCardless integration is disabled in '{Context.Location.SettingsPath}'. Run Enable-GcModule to turn it on."
                        : $"The GoCardless integration is not set up ('{Context.Location.SettingsPath}' does not exist). Run Enable-GcModule first, or pass -ConfigPath.",
                    Context.Location.SettingsPath);
            }
        }

        /// <summary>True when -WhatIf was given, or $WhatIfPreference asks for it (a ShouldProcess cmdlet that must know before it starts).</summary>
        internal bool WhatIfRequested() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? ((SwitchParameter)given).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>Waits for engine work on the pipeline thread, writing its log messages as they arrive.</summary>
        internal T Await<T>(Task<T> task)
        {
            WaitPumping(task);
            return task.GetAwaiter().GetResult();
        }

        internal void Await(Task task)
        {
            WaitPumping(task);
            task.GetAwaiter().GetResult();
        }

        /// <summary>Streams an engine sequence to the caller item by item, pumping log messages in between.</summary>
        internal IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
        {
            var enumerator = source.GetAsyncEnumerator(CancellationToken);
            try
            {
                while (Await(enumerator.MoveNextAsync().AsTask()))
                {
                    yield return enumerator.Current;
                }
            }
            finally
            {
                Await(enumerator.DisposeAsync().AsTask());
            }
        }

        /// <summary>A per-item failure: reported, and the command goes on with the next item.</summary>
        internal void WriteItemError(GcHaloException exception)
        {
            Log.Drain();
            WriteError(ErrorRecords.From(exception));
        }

        /// <summary>A failure that stops the command.</summary>
        internal void Fail(ErrorRecord record)
        {
            Log.Drain();
            ThrowTerminatingError(record);
        }

        private void WaitPumping(Task task)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, Log.Signal };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                Log.Drain();
            }

            Log.Drain();
        }

        private void Guard(Action step)
        {
            try
            {
                step();
                _log?.Drain();
            }
            catch (GcHaloException ex)
            {
                OnTerminatingError(ex);
                Fail(ErrorRecords.From(ex));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell expects the pipeline to stop, not an error record.
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // Not a condition the engine foresaw (a bug, or an unwrapped platform error): PowerShell reports it as
                // it is, but the run is still recorded as failed, so Get-GcModule and RMM monitors see it.
                // (ThrowTerminatingError itself surfaces as PipelineStoppedException, which is excluded.)
                OnTerminatingError(new GcHaloException(ErrorIds.UnexpectedError, ErrorKind.InvalidOperation, ex.Message, null, ex));
                throw;
            }
        }

        // The User-Agent names the PowerShell that runs the module, e.g. "PowerShell Core/7.6.9".
        internal ClientInfo HostClientInfo()
        {
            var table = SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.Hashtable;
            return new ClientInfo(table?["PSEdition"]?.ToString() ?? "Desktop", table?["PSVersion"]?.ToString() ?? "5.1");
        }

        /// <summary>Where the configuration is, without loading it (for commands that must survive an invalid file).</summary>
        internal ConfigLocation ResolveLocation() =>
            ConfigLocation.Resolve(ConfigPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ConfigPath), CurrentPlatform.Instance);

        private ModuleContext LoadContext()
        {
            var context = new ModuleContext(ResolveLocation(), new PowerShellSecretVault(this));
            WriteVerbose($"Configuration: {context.Location.SettingsPath} ({context.Location.Source}).");
            foreach (var warning in context.Warnings)
            {
                WriteWarning(warning);
            }

            return context;
        }
    }
}
