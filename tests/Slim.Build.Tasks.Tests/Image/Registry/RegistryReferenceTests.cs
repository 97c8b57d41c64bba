using System.Net.Http.Headers;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Tests.Image.Registry;

[TestClass]
public sealed class RegistryReferenceTests
{
    [TestMethod]
    [DataRow("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", "mcr.microsoft.com", "dotnet/runtime-deps", "10.0-noble-chiseled", null)]
    [DataRow("ubuntu", "docker.io", "library/ubuntu", "latest", null)]
    [DataRow("docker.io/library/ubuntu:24.04", "docker.io", "library/ubuntu", "24.04", null)]
    [DataRow("myuser/app:1", "docker.io", "myuser/app", "1", null)]
    [DataRow("localhost:5000/base", "localhost:5000", "base", "latest", null)]
    [DataRow("127.0.0.1:5000/a/b:t@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "127.0.0.1:5000", "a/b", "t", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [DataRow("ghcr.io/o/r@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io", "o/r", null, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void ParsesWithDockerDefaults(string text, string registry, string repository, string? tag, string? digest)
    {
        var parsed = RegistryReference.TryParse(text);
        Assert.IsNotNull(parsed);
        Assert.AreEqual(new RegistryReference(registry, repository, tag, digest), parsed);
    }

    [TestMethod]
    [DataRow("Upper/Case:1")]
    [DataRow("ghcr.io/o/r@sha256:short")]
    [DataRow("ghcr.io/o/r:bad tag")]
    [DataRow("")]
    public void RefusesWhatIsNotAReference(string text) => Assert.IsNull(RegistryReference.TryParse(text));

    [TestMethod]
    public void DockerHubIsServedFromRegistry1() => Assert.AreEqual("registry-1.docker.io", RegistryReference.TryParse("ubuntu")!.ApiHost);

    [TestMethod]
    [DataRow("localhost:5000", "", "http")]
    [DataRow("127.0.0.1:5000", "", "http")]
    [DataRow("[::1]:5000", "", "http")]
    [DataRow("registry.lan:5000", "", "https")]
    [DataRow("registry.lan:5000", "other:1;registry.lan:5000", "http")]
    [DataRow("ghcr.io", "", "https")]
    public void PlainHttpOnlyForLoopbackAndListedRegistries(string registry, string insecure, string scheme) =>
        Assert.AreEqual(scheme, RegistryEndpoint.For(registry, insecure).BaseUri.Scheme);

    [TestMethod]
    [DataRow("http://registry.lan:5000/token", false)]
    [DataRow("https://registry.lan/token", true)]
    [DataRow("http://127.0.0.1:5000/token", true)]
    [DataRow("http://localhost:5000/token", true)]
    public void CredentialsGoOverPlainHttpOnlyToThisMachine(string uri, bool allowed) =>
        Assert.AreEqual(allowed, RegistryEndpoint.MaySendCredentials(new Uri(uri)));

    [TestMethod]
    [DataRow("ghcr.io", true)]
    [DataRow("localhost:5000", true)]
    [DataRow("[::1]:5000", true)]
    [DataRow("https://ghcr.io", false)]
    [DataRow("ghcr.io/org", false)]
    public void ContainerRegistryIsAHost(string registry, bool valid) => Assert.AreEqual(valid, RegistryHost.IsValid(registry));

    [TestMethod]
    public void BearerChallengeIsParsed()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\"")!;
        Assert.IsTrue(challenge.IsBearer);
        Assert.AreEqual("https://auth.example/token", challenge["realm"]);
        Assert.AreEqual("registry.example", challenge["service"]);
        Assert.AreEqual("repository:a/b:pull,push", challenge["scope"]);
        Assert.IsTrue(AuthChallenge.Parse("Basic realm=\"Registry Realm\"")!.IsBasic);
    }

    [TestMethod]
    public void RetriesAreBoundedInCountAndTimeAndHonourRetryAfter()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.AreEqual(TimeSpan.FromSeconds(1), policy.DelayAfter(1, null, TimeSpan.Zero));
        Assert.AreEqual(TimeSpan.FromSeconds(2), policy.DelayAfter(2, null, TimeSpan.Zero));
        Assert.IsNull(policy.DelayAfter(3, null, TimeSpan.Zero), "no fourth attempt");
        Assert.AreEqual(TimeSpan.FromSeconds(7), policy.DelayAfter(1, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), TimeSpan.Zero));
        Assert.IsNull(policy.DelayAfter(1, new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), TimeSpan.Zero), "Retry-After past the budget gives up");
        Assert.IsNull(policy.DelayAfter(1, null, TimeSpan.FromSeconds(9.5)), "the budget is spent");
        Assert.IsTrue(RetryPolicy.IsRetryable(System.Net.HttpStatusCode.TooManyRequests));
        Assert.IsTrue(RetryPolicy.IsRetryable(System.Net.HttpStatusCode.BadGateway));
        Assert.IsFalse(RetryPolicy.IsRetryable(System.Net.HttpStatusCode.Unauthorized));
    }
}
