using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Slim.Build.Tasks.IO;

/// <summary>
/// Builds System.Text.Json's metadata for the types of Slim's JSON files (every source-generated context's types) on
/// a background thread, once per MSBuild process, started by the first Slim task of a build, before the compile. A
/// fresh MSBuild node otherwise pays it in the steps themselves, the first time each type is read or written: the
/// metadata of a type with enum or other value-type members is generic code the JIT compiles then (crossgen2 cannot
/// place it in the task assembly). Measured on a framework-dependent web app's clean publish, 6 alternating runs:
/// Slim's targets 408.5 ms without, 342.5 ms with (docs/overhead.md). No file is read or written: each type is read from
/// an empty object or array in memory, and what a type's constructor thinks of that is ignored.
/// </summary>
internal static class StateJsonWarmup
{
    private static int _started;

    /// <summary>Starts the warm-up unless this process started it already; never waits for it.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            return;
        // A background thread: the build never waits for it, and MSBuild's process exits without it.
        new Thread(WarmQuietly) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "Slim JSON metadata" }.Start();
    }

    /// <summary>An exception on a thread of its own would end MSBuild's process: a warm-up that fails leaves the work to the steps.</summary>
    private static void WarmQuietly()
    {
        try
        {
            WarmAll();
        }
        catch (Exception)
        {
        }
    }

    /// <returns>How many types were read (<see cref="Warmable"/>): taking a context's type builds its metadata, reading
    /// an empty document compiles the code that reads it.</returns>
    internal static int WarmAll()
    {
        var read = 0;
        foreach (var info in Contexts().SelectMany(TypeInfos).Where(Warmable))
        {
            Warm(info);
            read++;
        }
        return read;
    }

    /// <summary>The types read from an empty object or array; a number or a string needs no metadata worth building.</summary>
    internal static bool Warmable(JsonTypeInfo info) => info.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Enumerable;

    /// <summary>Every source-generated context of the task assembly, by its Default instance (private nested ones too).</summary>
    internal static IEnumerable<JsonSerializerContext> Contexts() =>
        typeof(StateJsonWarmup).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(JsonSerializerContext)))
            .Select(t => t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<JsonSerializerContext>();

    internal static IEnumerable<JsonTypeInfo> TypeInfos(JsonSerializerContext context) =>
        context.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(JsonTypeInfo).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(context)).OfType<JsonTypeInfo>();

    private static void Warm(JsonTypeInfo info)
    {
        try
        {
            JsonSerializer.Deserialize(info.Kind == JsonTypeInfoKind.Enumerable ? "[]" : "{}", info);
        }
        catch (Exception)
        {
            // A constructor or a required member that refuses an empty object: the metadata was built before it, and
            // the step that reads such a file reads a whole one.
        }
    }
}
