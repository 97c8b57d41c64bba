using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// A base pulled from a registry that refuses: each refusal is its own SLIM error naming the registry, the
/// repository and what the registry said; credentials never travel over plain HTTP to another machine.
/// </summary>
[TestClass]
public sealed class RegistryRefusalTests
{
    private static readonly RetryPolicy Quick = new(2, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5)) { RequestTimeout = TimeSpan.FromSeconds(5) };
    private const string Secret = "s3cret-password";
    private TempFolder _temp = null!;

    [TestInitialize]
    public void CreateTemp() => _temp = new TempFolder();

    [TestCleanup]
    public void RemoveTemp() => _temp.Dispose();

    private SlimException PullFails(string reference, string insecureRegistries = "") =>
        Assert.ThrowsExactly<SlimException>(() => RegistryBaseSource.Pull(reference, new ImagePlatform("amd64"), Path.Combine(_temp.Path, "cache"),
            PushFixture.Credentials("ci-user", Secret), insecureRegistries, SharedHttpClient.Instance, new RecordingDiagnostics(), Quick));

    private static void NoCredentialsReached(StandInRegistry server)
    {
        foreach (var request in server.Requests)
        {
            Assert.IsFalse(request.Contains("Authorization:", StringComparison.OrdinalIgnoreCase), "credentials went over plain HTTP:\n" + request);
            Assert.IsFalse(request.Contains(Secret, StringComparison.Ordinal), "the password went over plain HTTP:\n" + request);
        }
    }

    [TestMethod]
    public void A_basic_challenge_from_an_insecure_registry_on_another_host_is_SLIM5006_and_no_credentials_are_sent()
    {
        using var registry = new StandInRegistry(_ => ("401 Unauthorized", "WWW-Authenticate: Basic realm=\"stand-in\"\r\n", ""));
        Assert.IsFalse(new Uri("http://" + registry.RemoteHost).IsLoopback, $"{registry.RemoteHost} must not count as this machine for this test");

        var error = PullFails($"{registry.RemoteHost}/team/base:1", insecureRegistries: registry.RemoteHost);

        Assert.AreEqual(SlimDiagnostics.RegistryCredentialsOverHttp, error.Diagnostic, DiagnosticText.Of(error));
        Assert.AreEqual("SLIM5006", error.Diagnostic.Code);
        var message = DiagnosticText.Of(error);
        StringAssert.Contains(message, $"Registry {registry.RemoteHost} (repository 'team/base') asks for credentials over plain HTTP at http://{registry.RemoteHost}");
        StringAssert.Contains(message, "(DOTNET_CONTAINER_REGISTRY_UNAME / DOTNET_CONTAINER_REGISTRY_PWORD)");
        StringAssert.Contains(message, "so it sent none");
        StringAssert.Contains(message, "SlimInsecureRegistries");
        Assert.AreEqual(1, registry.Requests.Count, "the challenge was answered with another request:\n" + string.Join("\n", registry.Requests));
        NoCredentialsReached(registry);
    }

    [TestMethod]
    public void A_token_service_on_plain_HTTP_elsewhere_is_SLIM5006_and_is_never_asked()
    {
        using var tokens = new StandInRegistry(_ => ("200 OK", "", "{\"token\":\"t\"}"));
        using var registry = new StandInRegistry(_ => ("401 Unauthorized",
            $"WWW-Authenticate: Bearer realm=\"http://{tokens.RemoteHost}/token\",service=\"stand-in\"\r\n", ""));

        var error = PullFails($"{registry.LoopbackHost}/team/base:1");

        Assert.AreEqual("SLIM5006", error.Diagnostic.Code, DiagnosticText.Of(error));
        StringAssert.Contains(DiagnosticText.Of(error), $"asks for credentials over plain HTTP at http://{tokens.RemoteHost}");
        Assert.AreEqual(0, tokens.Requests.Count, "the token service over plain HTTP was asked:\n" + string.Join("\n", tokens.Requests));
        NoCredentialsReached(registry);
    }

    [TestMethod]
    public void A_registry_that_takes_the_credentials_and_answers_403_is_SLIM5002_quoting_it_and_naming_where_they_came_from()
    {
        using var registry = new StandInRegistry(request => request.Contains("Authorization: Basic ", StringComparison.Ordinal)
            ? ("403 Forbidden", "", "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}")
            : ("401 Unauthorized", "WWW-Authenticate: Basic realm=\"stand-in\"\r\n", ""));

        var error = PullFails($"{registry.LoopbackHost}/team/base:1");

        Assert.AreEqual(SlimDiagnostics.RegistryForbidden, error.Diagnostic, DiagnosticText.Of(error));
        Assert.AreEqual("SLIM5002", error.Diagnostic.Code);
        var message = DiagnosticText.Of(error);
        StringAssert.Contains(message, $"Registry {registry.LoopbackHost} answered 403 Forbidden to GET manifest 1 in repository 'team/base'");
        StringAssert.Contains(message, "'DENIED: requested access to the resource is denied'");
        StringAssert.Contains(message, "Slim sent the credentials from DOTNET_CONTAINER_REGISTRY_UNAME / DOTNET_CONTAINER_REGISTRY_PWORD");
        Assert.IsTrue(registry.Requests.Any(r => r.Contains("Authorization: Basic ", StringComparison.Ordinal)), "loopback may be sent credentials, and was");
    }

    [TestMethod]
    public void A_base_the_real_registry_does_not_hold_is_SLIM5003_quoting_the_registry()
    {
        using var registry = new LocalRegistry();

        var error = PullFails($"{registry.Host}/dotnet/nothing:10.0");

        Assert.AreEqual(SlimDiagnostics.RegistryNotFound, error.Diagnostic, DiagnosticText.Of(error));
        Assert.AreEqual("SLIM5003", error.Diagnostic.Code);
        var message = DiagnosticText.Of(error);
        StringAssert.Contains(message, $"Registry {registry.Host} answered 404 Not Found to GET manifest 10.0 in repository 'dotnet/nothing'");
        StringAssert.Contains(message, "'MANIFEST_UNKNOWN: manifest unknown'");
        StringAssert.Contains(message, "ContainerBaseImage");
    }

    [TestMethod]
    [DataRow("Registry.Example.com/Team/App:1")]
    [DataRow("registry.example.com/team/app:not a tag")]
    [DataRow("registry.example.com/team/app@sha256:abc")]
    public void A_base_that_is_no_path_and_no_image_reference_is_SLIM5008_quoting_ContainerBaseImage(string value)
    {
        Assert.AreEqual(BaseKind.Registry, BaseReference.Parse(value, _temp.Path).Kind, "taken for a registry image, not a path");
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(RegistryBaseSource.Pull(value, new ImagePlatform("amd64"), Path.Combine(_temp.Path, "cache"), PushFixture.NoCredentials(), "",
            SharedHttpClient.Instance, diagnostics, Quick));

        Assert.AreEqual(SlimDiagnostics.RegistryInvalidReference, diagnostics.Errors.Single());
        Assert.AreEqual("SLIM5008", diagnostics.Errors.Single().Code);
        StringAssert.Contains(DiagnosticText.Single(diagnostics, SlimDiagnostics.RegistryInvalidReference), $"ContainerBaseImage is '{value}', which is not a registry image reference");
    }
}
