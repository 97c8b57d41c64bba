// The image's building blocks live in sub-namespaces of Image (Oci/, Layers/); the tests that predate the split read them unqualified.
global using Slim.Build.Tasks.Image.Oci;
global using Slim.Build.Tasks.Image.Layers;
global using Slim.Build.Tasks.Image.Base.Host;
global using Slim.Build.Tasks.Image.Base.Layout;
global using Slim.Build.Tasks.Image.Base.Runtime;
global using Slim.Build.Tasks.Image.Base;
global using Slim.Build.Tasks.Elf;
