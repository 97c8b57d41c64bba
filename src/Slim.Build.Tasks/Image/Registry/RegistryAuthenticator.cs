using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// Answers a registry's challenge: Basic sends the credential; Bearer asks the challenge's realm for a token
/// for the request's scope (with the credential as basic, or as an OAuth2 refresh token when it is an identity
/// token; anonymously when there is none), and keeps one Authorization header per scope. A credential never
/// goes over plain HTTP except to this machine.
/// </summary>
/// <param name="timeout">How long the token service may take to answer; null: the HttpClient's own timeout.</param>
internal sealed class RegistryAuthenticator(RegistryEndpoint endpoint, RegistryCredential? credential, HttpClient http, TimeSpan? timeout = null,
    CancellationToken cancellation = default)
{
    private readonly Dictionary<string, AuthenticationHeaderValue> headers = new(StringComparer.Ordinal);
    private AuthenticationHeaderValue? basic;

    public AuthenticationHeaderValue? HeaderFor(string scope) => headers.TryGetValue(scope, out var header) ? header : basic;

    /// <returns>True when a new header is ready and the request should be sent again.</returns>
    public bool Authenticate(AuthChallenge challenge, string scope, string repository)
    {
        if (challenge.IsBasic)
        {
            if (credential is null)
                return false;
            RefuseOverPlainHttp(endpoint.BaseUri, repository);
            basic = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
            return true;
        }
        if (!challenge.IsBearer || challenge["realm"] is not { } realm || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
            return false;
        var token = FetchToken(realmUri, challenge["service"], scope, repository);
        if (token is null)
            return false;
        headers[scope] = new AuthenticationHeaderValue("Bearer", token);
        return true;
    }

    private string? FetchToken(Uri realm, string? service, string scope, string repository)
    {
        if (credential is not null)
            RefuseOverPlainHttp(realm, repository);
        var query = new List<string>();
        if (service is not null)
            query.Add("service=" + Uri.EscapeDataString(service));
        foreach (var part in scope.Split(' '))
            query.Add("scope=" + Uri.EscapeDataString(part));
        HttpRequestMessage request;
        if (credential is { IsIdentityToken: true })
        {
            var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = credential.Secret, ["client_id"] = "slim", ["scope"] = scope };
            if (service is not null)
                form["service"] = service;
            request = new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = string.Join("&", query) }.Uri);
            if (credential is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cancel.CancelAfter(timeout ?? Timeout.InfiniteTimeSpan);
        HttpResponseMessage sent;
        try
        {
            sent = http.Send(request, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new SlimException(SlimDiagnostics.RegistryUnreachable, endpoint.Registry, repository, $"token from {realm.GetLeftPart(UriPartial.Path)}", 1,
                $"no answer within {timeout!.Value.TotalSeconds:0.###} s (SlimRegistryTimeout)");
        }
        using var response = sent;
        if (response.StatusCode != HttpStatusCode.OK)
            throw RegistryErrors.For(response, endpoint.Registry, repository, $"token from {realm.GetLeftPart(UriPartial.Path)}", credential);
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        foreach (var name in new[] { "token", "access_token" })
            if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } token)
                return token;
        return null;
    }

    private void RefuseOverPlainHttp(Uri target, string repository)
    {
        if (!RegistryEndpoint.MaySendCredentials(target))
            throw new SlimException(SlimDiagnostics.RegistryCredentialsOverHttp, endpoint.Registry, repository, target.GetLeftPart(UriPartial.Authority), credential!.Source);
    }
}
