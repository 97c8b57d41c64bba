using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// /etc/nsswitch.conf for the base. glibc 2.34 and later build the files and dns services into libc.so.6
/// (Debian 12's libnss_files.so.2 and libnss_dns.so.2 are empty stubs), so the base needs no libnss
/// library and no nscd; without this file glibc would ask DNS before /etc/hosts. /etc/hosts and
/// /etc/resolv.conf are the container runtime's: it mounts its own over whatever the image holds.
/// </summary>
internal static class NameResolution
{
    public const string NsSwitch =
        "# Slim: glibc's built-in services; no libnss_*.so in this image.\n" +
        "passwd:    files\n" +
        "group:     files\n" +
        "shadow:    files\n" +
        "hosts:     files dns\n" +
        "networks:  files\n" +
        "protocols: files\n" +
        "services:  files\n" +
        "ethers:    files\n" +
        "rpc:       files\n";

    public static LayerEntry Entry() => LayerEntry.FromText("etc/nsswitch.conf", NsSwitch);
}
