namespace Slim.Build.Tasks.Diagnostics;

/// <summary>A failure with a SLIM code: the task logs it as an error and stops.</summary>
internal sealed class SlimException(string resourceName, params object[] args)
    : Exception(resourceName)
{
    public string ResourceName { get; } = resourceName;
    public object[] Args { get; } = args;
}
