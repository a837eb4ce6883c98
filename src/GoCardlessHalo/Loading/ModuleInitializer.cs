// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.IO;
using System.Management.Automation;

namespace GoCardlessHalo.Loading
{
    /// <summary>
    /// Runs when PowerShell imports the module assembly: from then on, requests for the engine
    /// (GoCardlessHalo.Core) and its dependencies are answered from the private dependencies/ folder.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>bin/&lt;flavour&gt;/dependencies beside this assembly.</summary>
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        public void OnImport() => DependencyResolver.Register(DependencyDirectory);

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }
}
