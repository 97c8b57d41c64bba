namespace Slim.Build.Tasks.Dockerfile;

/// <summary>The .dockerignore of the source build: what must never reach the build context.</summary>
internal static class DockerIgnoreWriter
{
    public static string Write(string projectName) => GeneratedFile.Mark("", projectName, """
        # Keeps the source build's context small and free of secrets: whatever the context holds,
        # COPY . . puts into a layer of the build stage.

        # Build output. obj/ also holds the restore done in the restore layer, which a host copy would overwrite.
        **/bin
        **/obj
        **/TestResults
        **/*.binlog

        # Version control and editors
        .git
        .gitignore
        .vs
        .vscode
        .idea
        **/*.user
        **/*.swp
        **/.DS_Store
        **/node_modules

        # Secrets: certificates, keys, environment files, user secrets
        **/*.pfx
        **/*.p12
        **/*.key
        **/.env
        **/.env.*
        **/secrets.json
        **/appsettings.*.local.json

        """.Replace("\r\n", "\n"));
}
