using System.Diagnostics;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>Real ELF files compiled with the machine's gcc, with debug information (-g) and symbols.</summary>
internal static class NativeFixtures
{
    public static string UnstrippedLibrary(string folder, string name = "libfixture.so") =>
        Gcc(folder, name, "int slim_answer(void) { return 42; }\nstatic int helper(int x) { return x * 2; }\nint slim_twice(int x) { return helper(x); }\n", "-shared", "-fPIC");

    public static string UnstrippedExecutable(string folder, string name = "fixture") =>
        Gcc(folder, name, "#include <stdio.h>\nint main(void) { puts(\"fixture ran\"); return 0; }\n");

    /// <summary>A library with a SONAME that calls into libm (sqrt, exp) and libc (puts).</summary>
    public static string LibraryWithSoname(string folder, string name = "libfoo.so", string soname = "libfoo.so.1") =>
        Gcc(folder, name, "#include <math.h>\n#include <stdio.h>\ndouble foo_root(double x) { return sqrt(x) + exp(x); }\nvoid foo_say(const char* s) { puts(s); }\n",
            ["-shared", "-fPIC", "-Wl,-soname," + soname], ["-lm"]);

    /// <summary>A program that calls foo_say from the libfoo.so in <paramref name="libraryFolder"/>, e.g. with -Wl,-rpath,$ORIGIN/lib.</summary>
    public static string ExecutableUsingFoo(string folder, string libraryFolder, string name = "app", params string[] flags) =>
        Gcc(folder, name, "void foo_say(const char* s);\nint main(void) { foo_say(\"app ran\"); return 0; }\n",
            flags, ["-L" + libraryFolder, "-lfoo"]);

    /// <summary>A program that holds <paramref name="text"/> as a string, as an aot binary names the libraries it opens at run time.</summary>
    public static string ExecutableWithText(string folder, string text, string name = "named") =>
        Gcc(folder, name, $"#include <stdio.h>\nconst char* slim_name = \"{text}\";\nint main(void) {{ puts(slim_name); return 0; }}\n");

    /// <summary>Over UpxScreen.MinimumSize: 128 KiB of initialised data that UPX compresses well.</summary>
    public static string LargeExecutable(string folder, string name = "large") =>
        Gcc(folder, name, "#include <stdio.h>\nconst char slim_pad[131072] = {1};\nint main(int argc, char** argv) { puts(\"large ran\"); return slim_pad[argc] + (argc > 1 ? 3 : 0); }\n");

    public static string LargeLibrary(string folder, string name = "liblarge.so") =>
        Gcc(folder, name, "const char slim_pad[131072] = {1};\nint slim_answer(void) { return 42 + slim_pad[1]; }\n", "-shared", "-fPIC");

    /// <summary>
    /// A program linked with -static: runs in an image that holds nothing else (no libc, no loader). Prints
    /// <paramref name="text"/> and its uid, or with an argument the contents of that file.
    /// </summary>
    public static string StaticExecutable(string folder, string text, string name = "hello") =>
        Gcc(folder, name, "#include <stdio.h>\n#include <unistd.h>\nint main(int argc, char** argv) {\n" +
            "  if (argc > 1) { FILE* f = fopen(argv[1], \"r\"); int c; if (!f) { perror(argv[1]); return 2; } while ((c = fgetc(f)) != EOF) putchar(c); return 0; }\n" +
            $"  printf(\"{text} uid=%d\\n\", (int)getuid()); return 0;\n}}\n", "-static");

    /// <summary>
    /// A static HTTP service on the port that answers every request 200 "ok". With <paramref name="exitOnTerm"/>
    /// null it installs no SIGTERM handler, and as a container's PID 1 it then ignores SIGTERM (the kernel drops
    /// signals PID 1 has no handler for); otherwise it exits with that code on SIGTERM.
    /// </summary>
    public static string StaticHttpService(string folder, int port, int? exitOnTerm, string name = "service") =>
        Gcc(folder, name, "#include <netinet/in.h>\n#include <signal.h>\n#include <string.h>\n#include <sys/socket.h>\n#include <unistd.h>\n" +
            $"static void term(int s) {{ (void)s; _exit({exitOnTerm ?? 0}); }}\n" +
            "int main(void) {\n" +
            (exitOnTerm is null ? "" : "  signal(SIGTERM, term);\n") +
            "  int s = socket(AF_INET, SOCK_STREAM, 0), one = 1; setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);\n" +
            $"  struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_port = htons({port});\n" +
            "  if (bind(s, (struct sockaddr*)&a, sizeof a) != 0 || listen(s, 8) != 0) return 2;\n" +
            "  const char* r = \"HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok\";\n" +
            "  for (;;) { int c = accept(s, 0, 0); char b[1024]; if (c < 0) continue; (void)read(c, b, sizeof b); (void)write(c, r, strlen(r)); close(c); }\n}\n", "-static");

    private static string Gcc(string folder, string name, string source, params string[] flags) => Gcc(folder, name, source, flags, []);

    /// <param name="libraries">After the source, where the linker looks for what it still needs.</param>
    private static string Gcc(string folder, string name, string source, string[] flags, string[] libraries)
    {
        var sourceFile = Path.Combine(folder, name + ".c");
        File.WriteAllText(sourceFile, source);
        var output = Path.Combine(folder, name);
        var start = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in flags.Concat(["-g", "-O0", "-o", output, sourceFile]).Concat(libraries))
            start.ArgumentList.Add(arg);
        using var gcc = Process.Start(start)!;
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
            Assert.Fail($"gcc failed to build the fixture {name}: {errors}");
        File.Delete(sourceFile);
        return output;
    }
}
