namespace Slim.Build.Tasks.Dockerfile;

/// <summary>A port the container listens on: 8080 and tcp, or 53 and udp.</summary>
internal sealed record ContainerPort(int Number, string Type);

/// <summary>An environment variable or a label: a name and its value, in the project's order.</summary>
internal sealed record NameValue(string Name, string Value);

/// <summary>What the final stage of both Dockerfiles says: base, user, folder, command, ports, environment, labels.</summary>
internal sealed record ContainerSpec(
    string BaseImage,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<ContainerPort> Ports,
    IReadOnlyList<NameValue> Environment,
    IReadOnlyList<NameValue> Labels);
