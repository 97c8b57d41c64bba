namespace Slim.Build.Tasks.Container;

/// <summary>A ContainerPort item as the project wrote it: Include (8080) and Type (tcp, udp, or empty for tcp).</summary>
internal sealed record ContainerPortSetting(string Port, string Type);
