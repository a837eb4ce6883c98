// Copyright (c) GoCardlessHalo contributors. MIT licence.
#if NET
using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace GoCardlessHalo.Loading
{
    /// <summary>
    /// PowerShell 7: the engine and everything it depends on load into one private AssemblyLoadContext
    /// ("the ALC bridge" of Microsoft's "Resolving PowerShell module assembly dependency conflicts").
    /// The default context is only ever asked for GoCardlessHalo.Core; its dependencies are then resolved by
    /// the private context through the engine's .deps.json, which is what makes SqlClient's unix/win
    /// assemblies and SQLite's native library resolve from the module folder.
    /// </summary>
    internal static class DependencyResolver
    {
        private const string EngineName = "GoCardlessHalo.Core";
        private static readonly object Gate = new object();
        private static DependencyLoadContext? _context;
        private static bool _registered;

        public static void Register(string dependencyDirectory)
        {
            lock (Gate)
            {
                _context ??= new DependencyLoadContext(dependencyDirectory);
                if (!_registered)
                {
                    AssemblyLoadContext.Default.Resolving += OnResolving;
                    _registered = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                AssemblyLoadContext.Default.Resolving -= OnResolving;
                _registered = false;
            }
        }

        private static Assembly? OnResolving(AssemblyLoadContext defaultContext, AssemblyName name) =>
            string.Equals(name.Name, EngineName, StringComparison.Ordinal) ? _context?.LoadFromAssemblyName(name) : null;

        private sealed class DependencyLoadContext : AssemblyLoadContext
        {
            private readonly AssemblyDependencyResolver _resolver;

            public DependencyLoadContext(string dependencyDirectory)
                : base("GoCardlessHalo", isCollectible: false)
            {
                _resolver = new AssemblyDependencyResolver(Path.Combine(dependencyDirectory, EngineName + ".dll"));
            }

            // Anything the engine's .deps.json does not list (the framework itself) falls back to the default context.
            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var path = _resolver.ResolveAssemblyToPath(assemblyName);
                return path is null ? null : LoadFromAssemblyPath(path);
            }

            protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
            {
                var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
                return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
            }
        }
    }
}
#endif
