using System.Runtime.InteropServices;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base.Host;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Resolves needs.json to Debian packages and takes their slices (<see cref="PackageSlices"/>): libc6 always (glibc
/// and the loader); each library the app and the runtime need from the base, and what those libraries need in turn
/// (DT_NEEDED of the packaged files), from the package its soname maps to (<see cref="SoNamePackages"/>); libssl3 for
/// OpenSSL, ca-certificates for the CA bundle, libicu72 for ICU, tzdata for time zones, base-files for os-release.
/// A library package's Depends and Pre-Depends that are not library packages (configuration, data) are taken whole
/// when anything of them is left after the slice's exclusions. Each package taken gets var/lib/dpkg/status.d/&lt;name&gt;
/// from its own control file; root and app accounts, /tmp and nsswitch.conf are the host base's.
/// </summary>
internal sealed class PackageBaseBuilder(PackageFetcher fetcher, Architecture architecture)
{
    public const int IcuMajor = 72;

    private readonly string triplet = LibraryPlacement.MultiarchTriplet(architecture) ?? throw new ArgumentOutOfRangeException(nameof(architecture));
    private readonly Dictionary<string, SortedDictionary<string, string>> pendingLibraries = new(StringComparer.Ordinal);
    private readonly HashSet<string> wantedLibraries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DebEntry>> slices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LayerEntry> generated = new(StringComparer.Ordinal);
    private readonly HashSet<string> visitedLibraryPackages = new(StringComparer.Ordinal);

    /// <exception cref="SlimException">A package cannot be had or lacks a library it should give.</exception>
    public PackageBase Build(RuntimeNeeds needs, IEnumerable<string> interpreters)
    {
        Want(HostPlatform.GlibcSoName, "glibc");
        foreach (var interpreter in interpreters.Append(LibraryPlacement.StandardInterpreter(architecture)).OfType<string>().Distinct())
            Take(SoNamePackages.Glibc, "glibc", c => PackageSlices.WithLinkTargets(c, LayerEntry.Normalize(interpreter)));
        foreach (var library in needs.NativeLibraries.Where(l => !l.Ships))
            Want(library.Name, $"{library.Name} (needed by {string.Join(", ", library.NeededBy.Take(2))})");
        if (needs.Requires(NeedKind.Openssl))
            foreach (var soName in new[] { "libssl.so.3", "libcrypto.so.3" })
                Want(soName, "openssl");
        if (needs.Requires(NeedKind.Icu))
            foreach (var part in new[] { "libicuuc", "libicui18n", "libicudata" })
                Want($"{part}.so.{IcuMajor}", "icu");
        if (needs.Requires(NeedKind.CaCertificates) && PackageSlices.CaBundle(fetcher.Get("ca-certificates", "ca-certificates")) is { } bundle)
        {
            generated[bundle.Path] = bundle;
            slices.TryAdd("ca-certificates", []);
        }
        if (needs.Requires(NeedKind.Tzdata))
            Take("tzdata", "tzdata", PackageSlices.Whole);
        Take("base-files", "os-release", PackageSlices.OsRelease);
        ResolveLibraries();
        return Result();
    }

    private void Want(string soName, string need)
    {
        if (!wantedLibraries.Add(soName))
            return;
        var package = SoNamePackages.PackageOf(soName);
        if (!pendingLibraries.TryGetValue(package, out var libraries))
            pendingLibraries[package] = libraries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        libraries[soName] = need;
    }

    private void Take(string package, string need, Func<DebContents, IEnumerable<DebEntry>> slice)
    {
        var contents = fetcher.Get(package, need);
        var entries = slice(contents).ToList();
        if (!slices.TryGetValue(package, out var taken))
            slices[package] = taken = [];
        taken.AddRange(entries);
    }

    /// <summary>Takes the wanted libraries package by package until what they need is taken too.</summary>
    private void ResolveLibraries()
    {
        while (pendingLibraries.Keys.Order(StringComparer.Ordinal).FirstOrDefault() is { } package)
        {
            var libraries = pendingLibraries[package];
            pendingLibraries.Remove(package);
            var contents = fetcher.Get(package, libraries.Values.First());
            var found = new List<DebEntry>();
            foreach (var (soName, need) in libraries)
            {
                var entries = PackageSlices.Library(contents, soName, triplet);
                if (entries.Count == 0)
                    throw new SlimException(SlimDiagnostics.PackageLibraryMissing, soName, need, package, contents.Control.Version);
                found.AddRange(entries);
                if (ElfFile.TryRead(contents.FileOf(entries[^1])) is { } elf)
                    foreach (var needed in elf.Needed)
                        Want(needed, $"{needed} (needed by {soName})");
            }
            Take(package, libraries.Values.First(), _ => found);
            if (visitedLibraryPackages.Add(package))
                TakeDataDependencies(contents);
        }
    }

    /// <summary>A library package's Depends and Pre-Depends that are not libraries carry what it reads (configuration, data): taken whole when anything is left of them.</summary>
    private void TakeDataDependencies(DebContents library)
    {
        var names = PackageRelation.Names(library.Control.Field("Pre-Depends")).Concat(PackageRelation.Names(library.Control.Field("Depends")));
        foreach (var name in names.Distinct().Where(n => !PackageSlices.IsLibraryPackage(n) && !slices.ContainsKey(n)))
        {
            var contents = fetcher.Get(name, "depends of " + library.Control.Name);
            var whole = PackageSlices.Whole(contents);
            if (whole.Count > 0)
                slices[name] = [.. whole];
        }
    }

    private PackageBase Result()
    {
        var taken = fetcher.Taken;
        var entries = new List<LayerEntry>();
        var packages = new List<BasePackage>();
        foreach (var (name, slice) in slices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var contents = fetcher.Get(name, taken.First(t => t.Name == name).NeededFor[0]);
            var files = slice.Select(e => PackageSlices.ToLayerEntry(contents, e)).ToList();
            if (name == "ca-certificates")
                files.AddRange(generated.Values);
            entries.AddRange(files);
            var control = contents.Control;
            entries.Add(LayerEntry.FromText(DpkgStatusFile.ImagePath(control), StatusText(control)));
            packages.Add(new BasePackage(control.Name, control.Version, control.Architecture, control.Source,
                [.. files.Select(f => f.Path).Distinct().Order(StringComparer.Ordinal)]) { SourceVersion = control.SourceVersion });
        }
        entries.AddRange(BaseAccounts.Entries());
        entries.Add(NameResolution.Entry());
        var libc = packages.FirstOrDefault(p => p.Name == SoNamePackages.Glibc);
        return new PackageBase(LayerTree.Complete(entries), packages, taken, libc is null ? null : GlibcVersion.FromPackageVersion(libc.Version));
    }

    /// <summary>The control file's fields with dpkg's "Status: install ok installed" after Package, as an installed package's status stanza has it.</summary>
    private static string StatusText(DebianPackage control)
    {
        var fields = new List<KeyValuePair<string, string>>(control.Fields);
        var at = fields.FindIndex(f => f.Key == "Package");
        fields.Insert(at + 1, new("Status", "install ok installed"));
        return DpkgStatusFile.Render(new DebianPackage(fields));
    }
}
