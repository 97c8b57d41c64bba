// The image's building blocks live in sub-namespaces of Image (Oci/, Layers/); the tests that predate the split read them unqualified.
global using Slim.Build.Tasks.Image.Oci;
global using Slim.Build.Tasks.Image.Layers;
