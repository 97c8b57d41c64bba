using System.Net;
using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>Turns a registry's refusal into the SLIM error for its status, quoting what the registry said.</summary>
internal static class RegistryErrors
{
    public static SlimException For(HttpResponseMessage response, string registry, string repository, string what, RegistryCredential? credential)
    {
        var said = Said(response);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new SlimException(SlimDiagnostics.RegistryUnauthorized, registry, repository, what, said,
                credential is null ? "no credentials (none in the environment or docker's config.json)" : "the credentials from " + credential.Source),
            HttpStatusCode.Forbidden => new SlimException(SlimDiagnostics.RegistryForbidden, registry, repository, what, said,
                credential is null ? "no credentials" : "the credentials from " + credential.Source),
            HttpStatusCode.NotFound => new SlimException(SlimDiagnostics.RegistryNotFound, registry, repository, what, said),
            _ => new SlimException(SlimDiagnostics.RegistryRequestFailed, registry, repository, what, $"{(int)response.StatusCode} {response.ReasonPhrase}", said),
        };
    }

    /// <summary>The distribution spec's error body, {"errors":[{"code","message"}]}, as "CODE: message"; else the body's start.</summary>
    private static string Said(HttpResponseMessage response)
    {
        string body;
        try
        {
            body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Trim();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return $"{(int)response.StatusCode} {response.ReasonPhrase}";
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("code", out var c) ? c.GetString() : "") + ": " + (e.TryGetProperty("message", out var m) ? m.GetString() : "")));
        }
        catch (JsonException)
        {
        }
        var text = body.Length > 200 ? body[..200] + "..." : body;
        return $"{(int)response.StatusCode} {response.ReasonPhrase}" + (text.Length > 0 ? ": " + text : "");
    }
}
