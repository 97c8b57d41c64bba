namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// Where a registry's API is and whether it is spoken over plain HTTP: only for loopback hosts (localhost,
/// 127.0.0.1, [::1]) and the hosts SlimInsecureRegistries lists. Credentials never travel over plain HTTP
/// except to loopback, so a listed insecure registry elsewhere is reached anonymously.
/// </summary>
internal sealed record RegistryEndpoint(string Registry, Uri BaseUri)
{
    public bool IsPlainHttp => BaseUri.Scheme == Uri.UriSchemeHttp;

    /// <summary>True when credentials may be sent to <paramref name="uri"/>: HTTPS, or plain HTTP to this machine.</summary>
    public static bool MaySendCredentials(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback || IsLoopbackHost(uri.Host);

    /// <param name="insecureRegistries">SlimInsecureRegistries: hosts (with port) to reach over plain HTTP, ';'-separated.</param>
    public static RegistryEndpoint For(string registry, string insecureRegistries)
    {
        var host = RegistryReference.ApiHostOf(registry.Trim().TrimEnd('/'));
        var insecure = insecureRegistries.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(r => string.Equals(r, host, StringComparison.OrdinalIgnoreCase) || string.Equals(r, registry, StringComparison.OrdinalIgnoreCase));
        var plain = insecure || IsLoopbackHost(HostName(host));
        return new RegistryEndpoint(registry, new Uri((plain ? "http://" : "https://") + host + "/"));
    }

    private static string HostName(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
            return hostAndPort[..(hostAndPort.IndexOf(']') + 1)];
        var colon = hostAndPort.LastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort[..colon];
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host is "[::1]" or "::1";
}
