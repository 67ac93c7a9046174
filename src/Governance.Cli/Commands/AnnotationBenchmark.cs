using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance bench annotation --url URL --password-file F [--annotators 50] [--requests 300] [--rounds 20]`: against a
/// running portal prepared by annotation-setup, through its API: one annotator fetching the next task and submitting
/// an answer (each timed), then every annotator at once, each doing rounds of next and submit: first with no pause at
/// all (the portal's saturation), then pausing --pause-ms after each submit as a fast annotator would (default 1000 ms:
/// a record a second, several times faster than people label). Errors are counted.
/// </summary>
internal static class AnnotationBenchmark
{
    private const string Tasks = $"/api/annotation/projects/{AnnotationBenchSetup.ProjectName}/tasks";

    public static async Task<int> RunAsync(CliArguments arguments, TextWriter output)
    {
        arguments.AllowOnly("--url", "--password-file", "--annotators", "--requests", "--rounds", "--pause-ms");
        var url = new Uri(arguments.Required("--url", "http://127.0.0.1:5000"));
        var password = (await File.ReadAllTextAsync(arguments.ExistingFile("--password-file", "data/bench-password"))).Trim();
        var annotators = AnnotationBenchSetup.PositiveFlag(arguments, "--annotators", 50);
        var requests = AnnotationBenchSetup.PositiveFlag(arguments, "--requests", 300);
        var rounds = AnnotationBenchSetup.PositiveFlag(arguments, "--rounds", 20);
        var pause = AnnotationBenchSetup.PositiveFlag(arguments, "--pause-ms", 1000);
        var clients = await Task.WhenAll(Enumerable.Range(1, annotators).Select(i => SignInAsync(url, AnnotationBenchSetup.Annotator(i), password)));
        try
        {
            var (next, submit) = (new List<double>(), new List<double>());
            for (var i = 0; i < requests + 5; i++)
            {
                var (n, s) = await LabelOneAsync(clients[0], i);
                if (i < 5) continue; // warm-up
                next.Add(n);
                submit.Add(s);
            }
            output.WriteLine($"one annotator, {requests} tasks: next task {BenchTools.Quantiles(next)}; submit {BenchTools.Quantiles(submit)}");

            var failed = false;
            foreach (var pauseMs in new[] { 0, pause })
            {
                var (all, errors, seconds) = await AllAtOnceAsync(clients, rounds, pauseMs);
                output.WriteLine($"{annotators} annotators at once, {rounds} tasks each, {(pauseMs == 0 ? "no pause" : $"{pauseMs} ms pause after each submit")}: " +
                    $"{all.Count:N0} requests in {seconds:0.0} s ({all.Count / seconds:N0}/s), {BenchTools.Quantiles(all)}, {errors.Count} errors" +
                    (errors.Count == 0 ? "" : $" (first: {errors[0]})"));
                failed |= errors.Count > 0;
            }
            return failed ? 1 : 0;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static async Task<(List<double> Times, List<string> Errors, double Seconds)> AllAtOnceAsync(HttpClient[] clients, int rounds, int pauseMs)
    {
        var times = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, a) =>
        {
            if (pauseMs > 0) await Task.Delay(Random.Shared.Next(pauseMs)); // annotators do not start in step
            for (var r = 0; r < rounds; r++)
            {
                try
                {
                    var (next, submit) = await LabelOneAsync(client, a + r);
                    times.Add(next);
                    times.Add(submit);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
                {
                    errors.Add(e.Message); // a timeout or a malformed answer is one failed task, not the end of the benchmark
                }
                if (pauseMs > 0) await Task.Delay(pauseMs);
            }
        }));
        return ([.. times], [.. errors], clock.Elapsed.TotalSeconds);
    }

    private static async Task<HttpClient> SignInAsync(Uri url, string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/session", new { userName = user, password });
        if (!response.IsSuccessStatusCode) throw new CliUsageError($"Signing in {user} at {url} failed ({(int)response.StatusCode}); run annotation-setup on the portal's data folder first.");
        return client;
    }

    /// <summary>Fetches the next task and submits an answer; returns both times in milliseconds. Any non-success status is an error.</summary>
    private static async Task<(double Next, double Submit)> LabelOneAsync(HttpClient client, int i)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync($"{Tasks}/next", new { });
        await Ensure(response);
        var task = await response.Content.ReadFromJsonAsync<JsonElement>();
        var next = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        string[] topics = ["billing", "shipping", "account", "other"];
        var submitted = await client.PostAsJsonAsync($"{Tasks}/{task.GetProperty("id").GetInt64()}/submit",
            new { answers = new { topic = topics[i % topics.Length] }, revision = task.GetProperty("revision").GetInt32(), seconds = 5 });
        await Ensure(submitted);
        return (next, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task Ensure(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.AbsolutePath}: {await response.Content.ReadAsStringAsync()}");
    }
}
