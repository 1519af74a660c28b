using System.IO.Compression;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Testing;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DownloadWorkspaceFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Stream_mode_answers_the_stored_zip_byte_for_byte_with_the_project_name()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString);
        var (runId, zip) = await CompletedRunWithZipAsync(app);

        var response = await DownloadAsync(app, runId);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/zip", response.ContentType);
        Assert.Equal(zip, response.Body);
        Assert.StartsWith("attachment; filename=library-api.zip", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Before_the_zip_exists_the_answer_is_404_with_the_runs_state()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString);
        var runId = await RunSeeds.CreateAsync(app);
        await app.Service<RunJournal>().MarkPhaseAsync(runId, PipelinePhase.CodeGeneration);

        var problem = (await DownloadAsync(app, runId)).Problem(404);

        Assert.Equal("urn:mge:problem:workspace-not-ready", problem.GetProperty("type").GetString());
        Assert.Contains("still running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("sas")]
    public async Task Unknown_runs_are_404_in_both_modes(string mode)
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["Mge:Downloads:Mode"] = mode });

        var problem = (await DownloadAsync(app, "no-such-run")).Problem(404);

        Assert.Equal("urn:mge:problem:run-not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Sas_mode_redirects_to_a_short_lived_read_only_link_that_downloads_the_zip()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Mge:Downloads:Mode"] = "sas",
            ["Mge:Downloads:SasLifetime"] = "00:05:00",
        });
        var (runId, zip) = await CompletedRunWithZipAsync(app);

        var response = await DownloadAsync(app, runId);

        Assert.Equal(302, response.Status);
        var link = new Uri(response.Headers.Location.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        var expires = DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6));

        using var http = new HttpClient();
        using var download = await http.GetAsync(link);
        Assert.True(download.IsSuccessStatusCode, $"{download.StatusCode}: {await download.Content.ReadAsStringAsync()}");
        Assert.Equal(zip, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("library-api.zip", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        // Read-only: the same link cannot overwrite the blob.
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([1, 2, 3]) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var refused = await http.SendAsync(overwrite);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Sas_mode_is_also_404_before_the_zip_exists()
    {
        using var app = FunctionsApp.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["Mge:Downloads:Mode"] = "sas" });
        var runId = await RunSeeds.CreateAsync(app);

        var problem = (await DownloadAsync(app, runId)).Problem(404);

        Assert.Equal("urn:mge:problem:workspace-not-ready", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("library-api", "library-api.zip")]
    [InlineData("Mi Biblioteca: API/v2", "Mi-Biblioteca--API-v2.zip")]
    [InlineData("  ", "run-1.zip")]
    [InlineData(null, "run-1.zip")]
    public void Download_names_are_file_safe(string? projectName, string expected) =>
        Assert.Equal(expected, WorkspaceFileNames.For("run-1", projectName));

    private static async Task<(string RunId, byte[] Zip)> CompletedRunWithZipAsync(FunctionsApp app)
    {
        var runId = await RunSeeds.CreateAsync(app);
        var zip = ZipOf(("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n"), ("README.md", "# library-api\n"));
        await app.Service<IBlobStore>().PutAsync(StorageNames.WorkspacesContainer, StorageKeys.Blobs.WorkspaceZip(runId), zip);
        await app.Service<RunJournal>().CompleteAsync(runId, RunSeeds.Summary(runId));
        return (runId, zip);
    }

    private static byte[] ZipOf(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    private static Task<ExecutedResponse> DownloadAsync(FunctionsApp app, string runId)
    {
        var request = FunctionsApp.Request("GET", $"/api/projects/{runId}/workspace");
        return app.InvokeAsync<DownloadWorkspaceFunction>(request, f => f.RunAsync(request, runId, CancellationToken.None));
    }
}
