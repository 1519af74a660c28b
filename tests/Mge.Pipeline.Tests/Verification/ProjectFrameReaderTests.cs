using Mge.Pipeline.Verification;

namespace Mge.Pipeline.Tests.Verification;

public sealed class ProjectFrameReaderTests
{
    private const string Root = "/runs/abc/workspace";

    [Theory]
    [InlineData("/runs/abc/workspace/src/app.js", "src/app.js")]
    [InlineData("file:///runs/abc/workspace/src/my%20app.mjs", "src/my app.mjs")]
    [InlineData("./app/main.py", "app/main.py")]
    [InlineData("tests/test_main.py", "tests/test_main.py")]
    [InlineData("/runs/abc/workspace/node_modules/express/lib/router.js", null)]
    [InlineData("/runs/abc/workspace/.venv/lib/python3.12/site-packages/fastapi/routing.py", null)]
    [InlineData("/usr/lib/python3/dist-packages/more_itertools/more.py", null)]
    [InlineData("/usr/lib/python3.11/json/decoder.py", null)]
    [InlineData("/runs/abc/workspace-other/src/app.js", null)]
    [InlineData("node:internal/test_runner/test", null)]
    [InlineData("node:async_hooks", null)]
    [InlineData("<anonymous>", null)]
    [InlineData("../outside.py", null)]
    [InlineData("http://localhost/x.js", null)]
    public void Only_the_projects_own_files_are_kept(string path, string? expected)
    {
        Assert.Equal(expected, ProjectFrameReader.ToProjectPath(path, Root + "/"));
    }

    [Fact]
    public void Python_tracebacks_are_reversed_to_innermost_first_and_node_stacks_kept_in_order()
    {
        var python = """
            Traceback (most recent call last):
              File "/runs/abc/workspace/tests/test_api.py", line 9, in test_create
                response = client.post("/tasks")
              File "/runs/abc/workspace/app/routes.py", line 21, in create_task
                return service.create(payload)
            KeyError: 'title'
            """;
        Assert.Equal(
            [new ProjectFrame("app/routes.py", 21, null, "create_task"), new ProjectFrame("tests/test_api.py", 9, null, "test_create")],
            ProjectFrameReader.Read(python, Root));

        var node = """
            TypeError: Cannot read properties of undefined (reading 'id')
                at toDto (/runs/abc/workspace/src/mappers.js:4:22)
                at Array.map (<anonymous>)
                at /runs/abc/workspace/src/routes/tasks.js:12:30
                at Layer.handle [as handle_request] (/runs/abc/workspace/node_modules/express/lib/router/layer.js:95:5)
            """;
        Assert.Equal(
            [new ProjectFrame("src/mappers.js", 4, 22, "toDto"), new ProjectFrame("src/routes/tasks.js", 12, 30, null)],
            ProjectFrameReader.Read(node, Root));
    }

    [Fact]
    public void Lines_that_only_look_like_locations_are_not_frames()
    {
        var text = "Server listening on http://127.0.0.1:3000\nstarted at 2026-12-04T16:42:49\nExpected 1:2:3";
        Assert.Empty(ProjectFrameReader.Read(text, Root));
    }

    [Theory]
    [InlineData(TestReportFormat.NodeTap, "node-test-passing.tap", "/tmp/mge-fixture/node-ok")]
    [InlineData(TestReportFormat.JUnitXml, "pytest-junit.xml", ReportFixtures.FastApiRoot)]
    [InlineData(TestReportFormat.DjangoText, "django-quiet.txt", ReportFixtures.DjangoRoot)]
    public void The_reader_follows_the_format_a_stack_names(TestReportFormat format, string fixture, string root)
    {
        var report = TestReportReader.Read(format, ReportFixtures.Load(fixture), root);

        Assert.Equal(format, report.Format);
        Assert.True(report.Complete);
        Assert.NotEmpty(report.Tests);
    }
}
