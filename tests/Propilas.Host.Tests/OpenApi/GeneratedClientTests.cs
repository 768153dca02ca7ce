using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Propilas.Host.Tests;

/// <summary>
/// A client generated from the live <c>/openapi/v1.json</c> (NSwag), compiled in memory (Roslyn), drives a district through
/// registration, a step and a gate: what the document promises is what a client built from it can do.
/// </summary>
[Collection(SeededHostCollection.Name)]
public sealed class GeneratedClientTests(SeededHost host)
{
    [Fact]
    public async Task A_client_generated_from_the_OpenAPI_document_registers_a_district_completes_a_step_and_approves_a_gate()
    {
        var client = await GeneratedClient.CreateAsync(host);

        var coordinator = client.New(host.CreateClient());
        var token = await client.Call(coordinator, "PostApiAuthLogin", new { body = client.Body("LoginRequest", new { Email = "coordinator", Password = PropilasFactory.DemoPassword }) });
        var coordinatorHttp = host.ClientWithToken(Prop<string>(token, "AccessToken"));
        coordinator = client.New(coordinatorHttp);

        var name = TestDistrict.UniqueName("Cliente Generado");
        var district = await client.Call(coordinator, "PostApiDistricts", new { body = client.Body("NewDistrict", new { Name = name, Province = "Celendín" }) });
        var slug = Prop<object>(district, "Slug").ToString()!;
        foreach (var (user, role) in new[] { ($"alcalde.{slug}", "mayor"), ($"regidor.{slug}", "alderman") })
            await client.Call(coordinator, "PostApiDistrictsSlugAccounts", new
            {
                slug, body = client.Body("NewAccount", new { UserName = user, Role = role, Password = TestDistrict.AccountPassword }),
            });

        // What the preparatory stage needs before its last step: the gate's facts and the other steps, through the plain API.
        var d = new TestDistrict(slug, name, coordinatorHttp, await host.LoginAsync($"alcalde.{slug}", TestDistrict.AccountPassword),
            await host.LoginAsync($"regidor.{slug}", TestDistrict.AccountPassword), $"alcalde.{slug}", $"regidor.{slug}");
        await GateFacts.RecordAllAsync(d.Alderman, slug);
        var preparatory = Plan.Steps.Where(s => s.Stage == "preparatory").ToList();
        await d.CompleteAsync(preparatory.SkipLast(1).Select(s => s.Id).ToArray());

        var last = preparatory[^1];
        var alderman = client.New(d.Alderman);
        var afterStep = await client.Call(alderman, "PostApiDistrictsSlugProcessStepsStepIdComplete", new
        {
            slug, stepId = last.Id, body = client.Body("CompleteRequest", new { Evidence = client.Json(last.Evidence.ToJsonString()) }),
        });
        Assert.NotNull(afterStep);

        var mayor = client.New(d.Mayor);
        await client.Call(mayor, "PostApiDistrictsSlugProcessGatesStageIdApprove", new { slug, stageId = "preparatory", body = client.Body("DecisionRequest", new { }) });

        var process = await d.ProcessAsync();
        Assert.Equal("approved", process.Stage("preparatory").Str("status"));
        Assert.Equal("active", process.Stage("design").Str("status"));
    }

    private static T Prop<T>(object? value, string property) =>
        (T)value!.GetType().GetProperty(property)!.GetValue(value)!;

    /// <summary>The generated client's types, and calls on them by operation name.</summary>
    private sealed class GeneratedClient(Assembly assembly)
    {
        private const string Namespace = "Propilas.Generated";
        private readonly Type _client = assembly.GetType($"{Namespace}.PropilasClient")!;

        public static async Task<GeneratedClient> CreateAsync(PropilasFactory host)
        {
            using var anonymous = host.CreateClient();
            var json = await anonymous.GetStringAsync("/openapi/v1.json");
            var document = await OpenApiDocument.FromJsonAsync(json);
            // Minimal APIs name no operation: each is named by its method and path, e.g. PostApiDistrictsSlugAccounts.
            foreach (var (path, item) in document.Paths)
                foreach (var (method, operation) in item)
                    operation.OperationId = Pascal(method) + string.Concat(path.Split('/', '{', '}', '-').Where(s => s.Length > 0).Select(Pascal));
            var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
            {
                ClassName = "PropilasClient",
                UseBaseUrl = false,
                GenerateClientInterfaces = false,
                OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
                CSharpGeneratorSettings = { Namespace = Namespace },
            }).GenerateFile();
            return new GeneratedClient(Compile(code));
        }

        private static string Pascal(string s) => char.ToUpperInvariant(s[0]) + s[1..];

        private static Assembly Compile(string code)
        {
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
                .Distinct().Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Propilas.Generated", [CSharpSyntaxTree.ParseText(code)], references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, "the generated client does not compile:\n" +
                string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
            image.Position = 0;
            return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
        }

        public object New(HttpClient http) => Activator.CreateInstance(_client, http)!;

        /// <summary>A request body of a generated type, its properties set from <paramref name="values"/>.</summary>
        public object Body(string type, object values)
        {
            var body = Activator.CreateInstance(assembly.GetType($"{Namespace}.{type}", throwOnError: true)!)!;
            foreach (var p in values.GetType().GetProperties()) body.GetType().GetProperty(p.Name)!.SetValue(body, p.GetValue(values));
            return body;
        }

        /// <summary>A JSON object as the generated client sends any JSON (evidence): its members as the type's additional properties.</summary>
        public object Json(string json)
        {
            var type = assembly.GetType($"{Namespace}.JsonElement", throwOnError: true)!;
            var value = Activator.CreateInstance(type)!;
            var members = (IDictionary<string, object>)type.GetProperty("AdditionalProperties")!.GetValue(value)!;
            foreach (var (name, member) in Newtonsoft.Json.Linq.JObject.Parse(json)) members[name] = member!;
            return value;
        }

        /// <summary>Calls <c>{operation}Async</c> with the arguments named as the generated method names its parameters (path parameters, <c>body</c>); the others are left to their defaults.</summary>
        public async Task<object?> Call(object client, string operation, object arguments)
        {
            var given = arguments.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(arguments));
            var method = _client.GetMethods().Single(m => m.Name == operation + "Async" && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken));
            var values = method.GetParameters().Select(p => given.Remove(p.Name!, out var v) ? v : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null).ToArray();
            Assert.True(given.Count == 0, $"{operation} has no parameter {string.Join(", ", given.Keys)}");
            var task = (Task)method.Invoke(client, values)!;
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }
    }
}
