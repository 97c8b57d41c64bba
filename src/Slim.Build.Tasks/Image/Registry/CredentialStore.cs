using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// Finds the credentials a user already keeps for a registry, in the .NET SDK's order: its environment
/// variables (DOTNET_CONTAINER_REGISTRY_UNAME / _PWORD, or the older SDK_CONTAINER_REGISTRY_UNAME / _PWORD)
/// win; then docker's config.json ($DOCKER_CONFIG/config.json, else ~/.docker/config.json): the registry's
/// credHelpers entry, its auths entry (base64 "auth", or username/password, or identitytoken), then credsStore,
/// each helper run as docker-credential-&lt;name&gt; get.
/// </summary>
internal sealed class CredentialStore(Func<string, string?> environment)
{
    public static readonly string[] UserVariables = ["DOTNET_CONTAINER_REGISTRY_UNAME", "SDK_CONTAINER_REGISTRY_UNAME"];
    public static readonly string[] PasswordVariables = ["DOTNET_CONTAINER_REGISTRY_PWORD", "SDK_CONTAINER_REGISTRY_PWORD"];

    public static CredentialStore FromProcess() => new(Environment.GetEnvironmentVariable);

    public RegistryCredential? Find(string registry)
    {
        for (var i = 0; i < UserVariables.Length; i++)
        {
            var user = environment(UserVariables[i]);
            var password = environment(PasswordVariables[i]);
            if (!string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(password))
                return new RegistryCredential(user, password, $"{UserVariables[i]} / {PasswordVariables[i]}");
            // Half a pair is a login the user meant to give: say which half is missing, not "no credentials".
            if (!string.IsNullOrEmpty(user) || !string.IsNullOrEmpty(password))
                throw new SlimException(SlimDiagnostics.RegistryCredentialHalfSet, string.IsNullOrEmpty(user) ? PasswordVariables[i] : UserVariables[i],
                    string.IsNullOrEmpty(user) ? UserVariables[i] : PasswordVariables[i], registry);
        }

        var configPath = ConfigPath();
        if (configPath is null || !File.Exists(configPath))
            return null;
        // A hand-edited or half-written config.json is the user's file to fix, named as such, not a bug in Slim.
        string? helperName;
        try
        {
            using var config = JsonDocument.Parse(File.ReadAllText(configPath));
            var root = config.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SlimException(SlimDiagnostics.DockerConfigInvalid, configPath, $"it holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object", registry);
            var keys = KeysFor(registry);
            if (Entry(root, "credHelpers", keys) is { ValueKind: JsonValueKind.String } helper)
                helperName = helper.GetString();
            else if (Entry(root, "auths", keys) is { ValueKind: JsonValueKind.Object } auth && FromAuth(auth, configPath) is { } found)
                return found;
            else
                helperName = root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String ? store.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new SlimException(SlimDiagnostics.DockerConfigInvalid, configPath, e.Message.TrimEnd('.'), registry);
        }
        return helperName is { Length: > 0 } name ? FromHelper(name, registry) : null;
    }

    private string? ConfigPath()
    {
        if (environment("DOCKER_CONFIG") is { Length: > 0 } folder)
            return Path.Combine(folder, "config.json");
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".docker", "config.json");
    }

    /// <summary>docker login writes Docker Hub as its old index URL and others sometimes with a scheme.</summary>
    private static string[] KeysFor(string registry) => registry is RegistryReference.DockerHub or "index.docker.io" or "registry-1.docker.io"
        ? ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"]
        : [registry, "https://" + registry, "http://" + registry, "https://" + registry + "/", "http://" + registry + "/"];

    private static JsonElement? Entry(JsonElement root, string section, string[] keys)
    {
        if (!root.TryGetProperty(section, out var map) || map.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var key in keys)
            if (map.TryGetProperty(key, out var value))
                return value;
        return null;
    }

    private static RegistryCredential? FromAuth(JsonElement auth, string configPath)
    {
        var source = configPath + " auths";
        if (auth.TryGetProperty("identitytoken", out var token) && token.GetString() is { Length: > 0 } identity)
            return new RegistryCredential(RegistryCredential.TokenUser, identity, source);
        if (auth.TryGetProperty("auth", out var encoded) && encoded.GetString() is { Length: > 0 } base64)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = pair.IndexOf(':');
            if (colon > 0)
                return new RegistryCredential(pair[..colon], pair[(colon + 1)..], source);
        }
        if (auth.TryGetProperty("username", out var user) && auth.TryGetProperty("password", out var password)
            && user.GetString() is { Length: > 0 } u && password.GetString() is { } p)
            return new RegistryCredential(u, p, source);
        return null;
    }

    /// <summary>docker-credential-&lt;name&gt; get: the registry on stdin, {"Username": ..., "Secret": ...} on stdout.</summary>
    private RegistryCredential? FromHelper(string name, string registry)
    {
        var program = "docker-credential-" + name;
        var path = IO.ToolLocator.Find(program, environment("PATH"))
                   ?? throw new SlimException(SlimDiagnostics.CredentialHelperFailed, program, registry, IO.ToolLocator.WhyNotFound(program));
        var start = new ProcessStartInfo(path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("get");
        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Write(registry);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // A helper that exits without reading its input: its exit code and output say why.
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new SlimException(SlimDiagnostics.CredentialHelperFailed, program, registry, "it did not answer within 60 s");
        }
        var output = stdout.Result;
        // Helpers answer "credentials not found in native keychain" for a registry they do not know: anonymous then.
        if (process.ExitCode != 0)
            return (stderr.Result + output).Contains("not found", StringComparison.OrdinalIgnoreCase)
                ? null
                : throw new SlimException(SlimDiagnostics.CredentialHelperFailed, program, registry, (stderr.Result + output).Trim());
        using var answer = JsonDocument.Parse(output);
        var username = answer.RootElement.TryGetProperty("Username", out var u) ? u.GetString() ?? "" : "";
        var secret = answer.RootElement.TryGetProperty("Secret", out var s) ? s.GetString() ?? "" : "";
        return secret.Length == 0 ? null : new RegistryCredential(username, secret, program);
    }
}
