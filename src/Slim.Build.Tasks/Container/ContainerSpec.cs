namespace Slim.Build.Tasks.Container;

/// <summary>A port the container listens on: 8080 and tcp, or 53 and udp.</summary>
internal sealed record ContainerPort(int Number, string Type);

/// <summary>An environment variable or a label: a name and its value, in the project's order.</summary>
internal sealed record NameValue(string Name, string Value);

/// <summary>The final image, resolved: base, user, folder, command, ports, environment, labels (the final stage of both Dockerfiles, the config of an OCI image).</summary>
internal sealed record ContainerSpec(
    string BaseImage,
    string BaseReason,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<ContainerPort> Ports,
    IReadOnlyList<NameValue> Environment,
    IReadOnlyList<NameValue> Labels);
