using System.Reflection;
using System.Reflection.Emit;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Real IL assemblies emitted with PersistedAssemblyBuilder, for what the scanner reads from metadata.</summary>
internal static class ManagedFixtures
{
    /// <summary>
    /// An app assembly whose Main calls Microsoft.AspNetCore.Builder.WebApplication.<paramref name="method"/>() in a
    /// second emitted assembly standing in for ASP.NET Core, so the app's metadata holds a member reference to it.
    /// </summary>
    public static string WebApp(string folder, string method = "CreateSlimBuilder", string name = "WebApp")
    {
        var aspNet = new PersistedAssemblyBuilder(new AssemblyName("Microsoft.AspNetCore"), typeof(object).Assembly);
        var aspNetModule = aspNet.DefineDynamicModule("Microsoft.AspNetCore.dll");
        var webApplication = aspNetModule.DefineType("Microsoft.AspNetCore.Builder.WebApplication", TypeAttributes.Public | TypeAttributes.Class);
        var create = webApplication.DefineMethod(method, MethodAttributes.Public | MethodAttributes.Static, typeof(object), Type.EmptyTypes);
        var body = create.GetILGenerator();
        body.Emit(OpCodes.Ldnull);
        body.Emit(OpCodes.Ret);
        webApplication.CreateType();
        aspNet.Save(Path.Combine(folder, "Microsoft.AspNetCore.dll"));

        var app = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var appModule = app.DefineDynamicModule(name + ".dll");
        var program = appModule.DefineType("Program", TypeAttributes.Public | TypeAttributes.Class);
        var main = program.DefineMethod("Main", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        var il = main.GetILGenerator();
        il.Emit(OpCodes.Call, create);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);
        program.CreateType();
        var path = Path.Combine(folder, name + ".dll");
        app.Save(path);
        return path;
    }

    /// <summary>An assembly whose Main calls each of <paramref name="calls"/> (call or newobj; the IL is not meant to run), so its metadata holds their references.</summary>
    public static string Calling(string folder, string name, params MethodBase[] calls)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name + ".dll");
        var program = module.DefineType("Program", TypeAttributes.Public | TypeAttributes.Class);
        var il = program.DefineMethod("Main", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes).GetILGenerator();
        foreach (var call in calls)
        {
            if (call is ConstructorInfo constructor)
                il.Emit(OpCodes.Newobj, constructor);
            else
                il.Emit(OpCodes.Call, (MethodInfo)call);
        }
        il.Emit(OpCodes.Ret);
        program.CreateType();
        var path = Path.Combine(folder, name + ".dll");
        assembly.Save(path);
        return path;
    }
}
