// Load test of the process API: the real host (Release) on loopback, a fresh SQLite file, N districts
// registered through the API, then step completions and gate approvals measured at a fixed concurrency.
//   dotnet run -c Release --project bench/Propilas.Bench -- [--districts 1891] [--gates 1000] [--warmup 200] [--concurrency 16]
// Gate approvals: the first --warmup of them run first and are reported apart (a fresh host compiles the gate's code
// paths, queries and rules as they are first used); the --gates after them are the measured ones.
using System.Net.Http.Json;
using System.Text.Json;
using Propilas.Bench;

var options = Args.Parse(args);
var districts = options.Int("districts", 1891);
var gates = options.Int("gates", 1000);
var warmup = options.Int("warmup", 200);
var mayors = Math.Min(districts, gates + warmup);
var concurrency = options.Int("concurrency", 16);
var hostDll = options.String("host", Path.Combine(Args.RepositoryRoot(), "Propilas.Host", "bin", "Release", "net10.0", "Propilas.Host.dll"));
const string password = "Bench-Password-1";

Console.WriteLine($"# Process API load: {districts} districts, {mayors} with mayor and alderman accounts, {concurrency} concurrent clients");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; host and load generator share it");
await using var host = await HostProcess.StartAsync(hostDll, password, options.Int("port", 5391));
Load.HostCpu = () => host.CpuTime;
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = host.BaseAddress };

async Task<string> Login(string user)
{
    var response = await http.PostAsJsonAsync("/api/auth/login", new { email = user, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

async Task<bool> Send(HttpMethod method, string path, string token, object? body = null)
{
    using var request = new HttpRequestMessage(method, path);
    request.Headers.Authorization = new("Bearer", token);
    if (body is HttpContent content) request.Content = content;
    else if (body is not null) request.Content = JsonContent.Create(body);
    using var response = await http.SendAsync(request);
    if (!response.IsSuccessStatusCode) Console.Error.WriteLine($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return response.IsSuccessStatusCode;
}

var coordinator = await Login("coordinator");
var slugs = Enumerable.Range(1, districts).Select(i => $"bench-{i:D4}").ToList();
var reports = new List<Load.Report>
{
    await Load.RunAsync("register district (coordinator)", slugs, concurrency,
        slug => Send(HttpMethod.Post, "/api/districts", coordinator, new { name = $"Distrito {slug}", province = "Bench", slug })),
};

Console.Error.WriteLine($"creating and signing in {mayors * 2} accounts (password hashing is deliberately slow)...");
var tokens = new Dictionary<string, (string Mayor, string Alderman)>();
await Load.RunAsync("accounts", slugs.Take(mayors).ToList(), Environment.ProcessorCount, async slug =>
{
    foreach (var role in new[] { "mayor", "alderman" })
        await Send(HttpMethod.Post, $"/api/districts/{slug}/accounts", coordinator, new { userName = $"{role}.{slug}", role, password });
    var pair = (await Login($"mayor.{slug}"), await Login($"alderman.{slug}"));
    lock (tokens) tokens[slug] = pair;
    return true;
});

string Complete(string slug, string step) => $"/api/districts/{slug}/process/steps/{step}/complete";
reports.Add(await Load.RunAsync("read process", slugs, concurrency, slug => Send(HttpMethod.Get, $"/api/districts/{slug}/process", coordinator)));
// The diagnosis step can be completed only once the district's survey is imported.
reports.Add(await Load.RunAsync("import diagnosis (coordinator)", slugs, concurrency,
    slug => Send(HttpMethod.Post, $"/api/districts/{slug}/diagnosis", coordinator, new StringContent(Evidence.Survey, System.Text.Encoding.UTF8, "text/csv"))));
foreach (var (step, evidence) in Evidence.CoordinatorSteps)
    reports.Add(await Load.RunAsync($"complete step {step}", slugs, concurrency, slug => Send(HttpMethod.Post, Complete(slug, step), coordinator, new { evidence })));
var withAccounts = slugs.Take(mayors).ToList();
reports.Add(await Load.RunAsync("complete step stakeholder-invitations", withAccounts, concurrency,
    slug => Send(HttpMethod.Post, Complete(slug, "stakeholder-invitations"), tokens[slug].Alderman, new { evidence = Evidence.Invitations })));
reports.Add(await Load.RunAsync("approve step mayor-support", withAccounts, concurrency,
    slug => Send(HttpMethod.Post, Complete(slug, "mayor-support"), tokens[slug].Mayor, new { evidence = Evidence.MayorSupport })));
// The preparatory gate's rule needs health, education, local authorities and a water board invited.
var invitations = withAccounts.SelectMany(slug => Evidence.GateInvitations.Select(invitation => (slug, invitation))).ToList();
reports.Add(await Load.RunAsync("record invitation (alderman)", invitations, concurrency,
    x => Send(HttpMethod.Post, $"/api/districts/{x.slug}/invitations", tokens[x.slug].Alderman, x.invitation)));
Task<bool> ApproveGate(string slug) => Send(HttpMethod.Post, $"/api/districts/{slug}/process/gates/preparatory/approve", tokens[slug].Mayor, new { });
if (warmup > 0) reports.Add(await Load.RunAsync("approve gate preparatory (warm-up)", withAccounts.Take(warmup).ToList(), concurrency, ApproveGate));
reports.Add(await Load.RunAsync("approve gate preparatory", withAccounts.Skip(warmup).ToList(), concurrency, ApproveGate));

Console.WriteLine();
foreach (var report in reports) Console.WriteLine(report);
var steps = reports.Where(r => r.Name.StartsWith("complete step") || r.Name.StartsWith("approve step")).ToList();
var allStepMs = steps.SelectMany(r => r.SortedMs).Order().ToArray();
var stepSummary = new Load.Report("ALL step completions", allStepMs.Length, steps.Sum(r => r.Failures),
    steps.Sum(r => r.Seconds), allStepMs, steps.Sum(r => r.HostCpuMs), steps.Sum(r => r.ClientCpuMs));
Console.WriteLine(stepSummary);
return reports.Any(r => r.Failures > 0) ? 1 : 0;
