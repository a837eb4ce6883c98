// Copyright (c) GoCardlessHalo contributors. MIT licence.
#if NETFRAMEWORK
using System;
using System.IO;
using System.Reflection;

namespace GoCardlessHalo.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has no AssemblyLoadContext: an AssemblyResolve handler answers, and only for
    /// assemblies that exist in the module's own dependencies/ folder. The folder is not on any probing path,
    /// so nothing of ours is found by accident and nothing of another module's is replaced.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static string? _directory;
        private static bool _registered;

        public static void Register(string dependencyDirectory)
        {
            lock (Gate)
            {
                _directory = dependencyDirectory;
                if (!_registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                    _registered = true;
                }
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                _registered = false;
            }
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var directory = _directory;
            var requester = args.RequestingAssembly;
            if (directory is null || (requester is not null && !IsOurs(requester, directory)))
            {
                return null;
            }

            var candidate = Path.Combine(directory, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }

        private static bool IsOurs(Assembly assembly, string directory)
        {
            if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
            {
                return false;
            }

            var moduleRoot = Path.GetDirectoryName(directory) ?? directory;
            return assembly.Location.StartsWith(moduleRoot, StringComparison.OrdinalIgnoreCase);
        }
    }
}
#endif
