namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// What a registry is logged in with: a user name and password, or an identity token (docker's
/// "&lt;token&gt;" user name), which the token endpoint takes as an OAuth2 refresh token.
/// </summary>
/// <param name="Source">Where it came from, for messages: "~/.docker/config.json auths", "docker-credential-ecr-login", ...</param>
internal sealed record RegistryCredential(string Username, string Secret, string Source)
{
    public const string TokenUser = "<token>";

    public bool IsIdentityToken => Username == TokenUser;

    public string BasicHeaderValue => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Username + ":" + Secret));
}
