using Microsoft.Build.Framework;
using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks;

/// <summary>Reads the .NET SDK's container items (ContainerPort, ContainerEnvironmentVariable, ContainerLabel) into plain values.</summary>
internal static class ContainerItems
{
    /// <summary>Include is the port, Type tcp or udp (empty means tcp).</summary>
    public static IReadOnlyList<ContainerPortSetting> Ports(ITaskItem[] items) =>
        items.Select(i => new ContainerPortSetting(i.ItemSpec, i.GetMetadata("Type"))).ToList();

    /// <summary>Include is the name or key, Value its value; the project's order is kept.</summary>
    public static IReadOnlyList<NameValue> NameValues(ITaskItem[] items) =>
        items.Select(i => new NameValue(i.ItemSpec, i.GetMetadata("Value"))).ToList();
}
