using System.IO.Compression;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>What packing the source projects ships, entry by entry, and that the run packs without touching the checkout.</summary>
[TestClass]
public sealed class PackageContentsTests
{
    private static string[] Entries(string id)
    {
        var package = Path.Combine(SlimFeed.Feed, $"{id}.{SlimFeed.Version}.nupkg");
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/") && !n.StartsWith("package/") && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    [TestMethod]
    public void The_task_package_ships_its_targets_the_task_assembly_and_its_dependencies_but_not_msbuild()
    {
        CollectionAssert.AreEqual(new[]
        {
            "README.md",
            "Slim.Build.Tasks.nuspec",
            "build/Slim.Analysis.targets",
            "build/Slim.Build.Tasks.props",
            "build/Slim.Build.Tasks.targets",
            "build/Slim.Checks.targets",
            "build/Slim.Container.targets",
            "build/Slim.CrossToolchain.targets",
            "build/Slim.Dockerfile.targets",
            "build/Slim.Files.targets",
            "build/Slim.Image.targets",
            "build/Slim.Late.targets",
            "build/Slim.Needs.targets",
            "build/Slim.Platforms.targets",
            "build/Slim.Report.targets",
            "build/Slim.SdkHooks.targets",
            "build/Slim.Switches.targets",
            "build/Slim.Upx.targets",
            "tasks/net8.0/BouncyCastle.Cryptography.dll",
            "tasks/net8.0/ELFSharp.dll",
            "tasks/net8.0/ICSharpCode.SharpZipLib.dll",
            "tasks/net8.0/SharpCompress.dll",
            "tasks/net8.0/Slim.Build.Tasks.deps.json",
            "tasks/net8.0/Slim.Build.Tasks.dll",
            "tasks/net8.0/Slim.Gzip.dll",
            "tasks/net8.0/Slim.Gzip.runtimeconfig.json",
        }, Entries("Slim.Build.Tasks"));
    }

    [TestMethod]
    public void On_linux_x64_the_task_assembly_and_the_libraries_every_publish_loads_ship_ReadyToRun_compiled_with_their_IL()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            Assert.Inconclusive("the pack compiles ReadyToRun code on linux-x64 only");
        using var zip = ZipFile.OpenRead(Path.Combine(SlimFeed.Feed, $"Slim.Build.Tasks.{SlimFeed.Version}.nupkg"));
        foreach (var (name, readyToRun) in new[] { ("Slim.Build.Tasks.dll", true), ("ELFSharp.dll", true), ("ICSharpCode.SharpZipLib.dll", true), ("BouncyCastle.Cryptography.dll", false) })
        {
            using var copy = new MemoryStream();
            using (var entry = zip.GetEntry("tasks/net8.0/" + name)!.Open())
                entry.CopyTo(copy);
            copy.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
            var cor = pe.PEHeaders.CorHeader!;
            Assert.AreEqual(readyToRun, cor.ManagedNativeHeaderDirectory.Size > 0, $"{name}: ReadyToRun code expected: {readyToRun}");
            Assert.IsTrue(pe.HasMetadata && cor.MetadataDirectory.Size > 0, $"{name} lost its metadata and IL");
            if (readyToRun)
                Assert.AreNotEqual(0u, ReadyToRunFlags(pe) & UnrelatedReadyToRunCode,
                    $"{name}: no code for the framework's generics it instantiates (crossgen2 --non-local-generics-module): the JIT compiles them in every publish");
        }
    }

    /// <summary>READYTORUN_FLAG_UNRELATED_R2R_CODE: the image holds code for generic instantiations whose definitions live in other assemblies.</summary>
    private const uint UnrelatedReadyToRunCode = 0x80;

    /// <summary>The Flags of the READYTORUN_HEADER the CLI header's managed native header points at (after the signature and the version).</summary>
    private static uint ReadyToRunFlags(System.Reflection.PortableExecutable.PEReader pe)
    {
        var header = pe.GetSectionData(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.RelativeVirtualAddress).GetReader();
        Assert.AreEqual(0x00525452u, header.ReadUInt32(), "not a ReadyToRun header ('RTR')");
        header.ReadUInt16();
        header.ReadUInt16();
        return header.ReadUInt32();
    }

    /// <summary>
    /// A runtime takes ReadyToRun code of its own format version only and JIT-compiles the rest: code made by .NET 8's
    /// crossgen2 was ignored whole by the .NET 10 runtime the SDK's MSBuild runs on. This test runs on that runtime.
    /// </summary>
    [TestMethod]
    public void The_runtime_that_runs_the_SDK_s_MSBuild_runs_the_packed_task_assembly_s_native_code_without_the_JIT()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            Assert.Inconclusive("the pack compiles ReadyToRun code on linux-x64 only");
        var folder = Directory.CreateTempSubdirectory("slim-r2r-").FullName;
        try
        {
            using (var zip = ZipFile.OpenRead(Path.Combine(SlimFeed.Feed, $"Slim.Build.Tasks.{SlimFeed.Version}.nupkg")))
                zip.GetEntry("tasks/net8.0/Slim.Build.Tasks.dll")!.ExtractToFile(Path.Combine(folder, "Slim.Build.Tasks.dll"));
            var context = new System.Runtime.Loader.AssemblyLoadContext("slim-r2r", isCollectible: false);
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "Slim.Build.Tasks.dll"));
            var isStrippable = assembly.GetType("Slim.Build.Tasks.Elf.ElfFile", throwOnError: true)!
                .GetMethod("IsStrippable")!.CreateDelegate<Func<string, bool>>();
            var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
            var strippable = isStrippable(".debug_info");
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;
            Assert.IsTrue(strippable);
            Assert.AreEqual(0, compiled,
                $"the JIT compiled a method of the packed task assembly: the runtime {Environment.Version} ignored its ReadyToRun code");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void The_sdk_package_ships_sdk_files_stamped_with_the_task_package_version()
    {
        CollectionAssert.AreEqual(new[]
        {
            "README.md",
            "Sdk/Sdk.props",
            "Sdk/Sdk.targets",
            "Sdk/Slim.Profile.targets",
            "Sdk/Slim.Version.props",
            "Slim.Sdk.nuspec",
        }, Entries("Slim.Sdk"));
        using var zip = ZipFile.OpenRead(Path.Combine(SlimFeed.Feed, $"Slim.Sdk.{SlimFeed.Version}.nupkg"));
        using var reader = new StreamReader(zip.GetEntry("Sdk/Slim.Version.props")!.Open());
        StringAssert.Contains(reader.ReadToEnd(), $">{SlimFeed.Version}</SlimVersion>");
    }

    [TestMethod]
    public void Packing_the_run_s_feed_leaves_the_checkout_as_it_was()
    {
        Assert.IsTrue(File.Exists(Path.Combine(SlimFeed.Feed, $"Slim.Build.Tasks.{SlimFeed.Version}.nupkg")));
        var changes = SlimFeed.BeforePack!.ChangesSince();
        Assert.AreEqual(0, changes.Count, "packing wrote into the checkout:\n" + string.Join('\n', changes.Take(20)));
    }
}
