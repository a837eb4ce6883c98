// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoCardlessHalo.FrameworkHost;

/// <summary>
/// Usage: GoCardlessHalo.FrameworkHost.exe &lt;module bin/net472&gt; &lt;older YamlDotNet.dll&gt; &lt;emulator url&gt; &lt;work folder&gt;.
/// Does what Windows PowerShell 5.1 does on Import-Module, minus PowerShell (Mono has no System.Management.Automation,
/// so the cmdlets cannot run here): another module's older YamlDotNet is already in the process; the module's
/// assembly is loaded from its folder and its resolver registered (the call ModuleInitializer.OnImport makes); then
/// the engine runs an import from the emulator's GoCardless into the embedded SQLite Halo, twice. Exit code 0 when
/// every check held; each check is printed.
/// </summary>
internal static class Program
{
    private static int failures;

    private static int Main(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("Usage: GoCardlessHalo.FrameworkHost.exe <module bin/net472> <older YamlDotNet.dll> <emulator url> <work folder>");
            return 2;
        }

        var bin = Path.GetFullPath(args[0]);
        var dependencies = Path.Combine(bin, "dependencies");
        var olderYaml = Assembly.LoadFrom(args[1]);
        Check("an older YamlDotNet is loaded first", olderYaml.GetName().Version!.Major < 16, olderYaml.FullName);

        var shell = Assembly.LoadFrom(Path.Combine(bin, "GoCardlessHalo.dll"));
        shell.GetType("GoCardlessHalo.Loading.DependencyResolver", throwOnError: true)!
            .GetMethod("Register", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .Invoke(null, new object[] { dependencies });

        // The module's resolver answers only requests made by the module's own assemblies (or by no assembly). In
        // PowerShell the engine is asked for by the cmdlet assembly; this host stands in for the cmdlets, so each of
        // its own references that the module ships (the engine, and the types of the engine's signatures) is loaded
        // first by an explicit load, which carries no requesting assembly: the module's resolver decides where it
        // comes from. The host's compiled references then bind to those (Mono binds by name; on .NET Framework the
        // handler below hands over the loaded assembly).
        var shipped = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(r => File.Exists(Path.Combine(dependencies, r.Name + ".dll")))
            .Select(r => Assembly.Load(new AssemblyName(r.Name)))
            .ToList();
        AppDomain.CurrentDomain.AssemblyResolve += (_, e) => shipped.FirstOrDefault(a => a.GetName().Name == new AssemblyName(e.Name).Name);
        var engine = shipped.Single(a => a.GetName().Name == "GoCardlessHalo.Core");
        Check("the engine loads from dependencies/", IsUnder(engine, dependencies), engine.Location);

        try
        {
            Import.Run(new Uri(args[2]), args[3], Check);
        }
        catch (Exception ex)
        {
            Check("the import ran", false, ex.ToString());
        }

        var yamls = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "YamlDotNet").ToList();
        var enginesYaml = yamls.FirstOrDefault(a => IsUnder(a, dependencies));
        Check("the engine's YamlDotNet (16) loaded from dependencies/ beside the older one", yamls.Count == 2 && enginesYaml?.GetName().Version!.Major == 16,
            string.Join("; ", yamls.Select(a => a.FullName + " @ " + a.Location)));
        var strays = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0 && IsOurDependencyName(a, dependencies) && !IsUnder(a, dependencies))
            .Select(a => a.Location).ToList();
        Check("nothing the module ships was loaded from anywhere else", strays.Count == 0, string.Join("; ", strays));

        Console.WriteLine(failures == 0 ? "Framework loader: all checks passed." : $"Framework loader: {failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private static void Check(string what, bool passed, string detail)
    {
        Console.WriteLine((passed ? "  [PASS] " : "  [FAIL] ") + what + (detail.Length > 0 ? " (" + detail + ")" : string.Empty));
        if (!passed)
        {
            failures++;
        }
    }

    private static bool IsUnder(Assembly assembly, string folder) =>
        Path.GetFullPath(assembly.Location).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);

    private static bool IsOurDependencyName(Assembly assembly, string dependencies) =>
        assembly.GetName().Name != "YamlDotNet" && File.Exists(Path.Combine(dependencies, assembly.GetName().Name + ".dll"))
        && !assembly.GlobalAssemblyCache;
}
