using System.Text.Json.Serialization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

var app = builder.Build();
var todos = new[]
{
    new Todo(1, "Publish with Slim", true),
    new Todo(2, "Ship the image", false),
};
app.MapGet("/", () => "Hello World!");
app.MapGet("/todos", () => todos);
app.MapGet("/todos/{id:int}", (int id) => todos.FirstOrDefault(t => t.Id == id) is { } todo ? Results.Ok(todo) : Results.NotFound());
app.Run();

public sealed record Todo(int Id, string Title, bool Done);

[JsonSerializable(typeof(Todo[]))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
