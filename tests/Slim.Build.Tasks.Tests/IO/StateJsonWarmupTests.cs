using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Tests.IO;

/// <summary>
/// The JSON metadata warm-up the first Slim task starts: it reaches every context and reads each object, list and
/// dictionary type from an empty document without letting an exception out (it runs on a thread nothing waits for).
/// What it saves is measured by build/bench-overhead.py, not here.
/// </summary>
[TestClass]
public sealed class StateJsonWarmupTests
{
    [TestMethod]
    public void Every_context_of_the_task_assembly_is_found_and_each_of_its_types_read_from_an_empty_document()
    {
        var contexts = StateJsonWarmup.Contexts().ToList();
        var declared = typeof(StateJsonWarmup).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)));
        var warmable = contexts.SelectMany(StateJsonWarmup.TypeInfos).Count(StateJsonWarmup.Warmable);

        var warmed = StateJsonWarmup.WarmAll();

        Assert.AreEqual(declared, contexts.Count, "a context the warm-up cannot reach");
        Assert.IsTrue(warmable > 50, $"{warmable} types");
        Assert.AreEqual(warmable, warmed, "a type the warm-up did not read");
    }
}
