using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// The host libraries the base carries: the DT_NEEDED closure of what ships (needs.json's native
/// libraries that do not ship), and OpenSSL and ICU with their closures when the app needs them (the
/// runtime dlopens those by soname, so no DT_NEEDED names them). Each soname once, where
/// <see cref="LibraryPlacement"/> says the loader looks. A library this machine lacks is an error
/// naming it and what needs it.
/// </summary>
internal sealed class BaseLibraries(HostNeedFiles host, LibraryPlacement placement, IDiagnostics diagnostics)
{
    private readonly Dictionary<string, PlacedFile> bySoName = new(StringComparer.Ordinal);

    public IReadOnlyList<PlacedFile> Collect(RuntimeNeeds needs)
    {
        foreach (var library in needs.NativeLibraries.Where(l => !l.Ships))
        {
            if (library.HostPath is null)
                Missing(library.Name, string.Join(", ", library.NeededBy), "the loader's folders");
            else
                Add(library.Name, library.HostPath);
        }
        if (needs.Requires(NeedKind.Openssl))
            AddLookup(host.OpenSsl(), "libssl.so.3 and libcrypto.so.3 (or the 1.1 pair)");
        if (needs.Requires(NeedKind.Icu))
            AddLookup(host.Icu(), "libicuuc, libicui18n and libicudata");
        return [.. bySoName.Values.OrderBy(f => f.ImagePath, StringComparer.Ordinal)];
    }

    private void AddLookup(HostLookup lookup, string what)
    {
        if (!lookup.Found)
        {
            Missing(lookup.Need + ": " + what, "the .NET runtime (it loads them by name)", string.Join(", ", lookup.Tried));
            return;
        }
        foreach (var file in lookup.Files)
            Add(file.Name, file.Path);
        foreach (var library in lookup.Closure?.FromHost ?? [])
            Add(library.SoName, library.Path);
        foreach (var unresolved in lookup.Closure?.Unresolved ?? [])
            Missing(unresolved.SoName, string.Join(", ", unresolved.NeededBy), unresolved.Rejected.Count > 0 ? string.Join("; ", unresolved.Rejected) : "the loader's folders");
    }

    private void Add(string soName, string hostPath)
    {
        if (bySoName.ContainsKey(soName))
            return;
        if (RealPath.Of(hostPath) is not { } real)
        {
            Missing(soName, hostPath, hostPath);
            return;
        }
        var executable = placement.IsInterpreter(soName)
            || (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(real) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
        bySoName[soName] = new PlacedFile(placement.PathOf(soName), hostPath, real, new FileInfo(real).Length, executable);
    }

    private void Missing(string what, string neededBy, string lookedIn) =>
        diagnostics.Error(SlimDiagnostics.AutoBaseLibraryMissing, what, neededBy, lookedIn);
}
