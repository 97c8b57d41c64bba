// CreateBuilder, not CreateSlimBuilder: the latter crashed trimmed on SDK 10.0.401 (see README).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Hello World!");
app.Run();
