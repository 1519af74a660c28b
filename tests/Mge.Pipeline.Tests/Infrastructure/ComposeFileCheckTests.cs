using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Tests.Infrastructure;

public sealed class ComposeFileCheckTests
{
    private const string Valid = """
        services:
          app:
            build: .
            env_file:
              - .env
            environment:
              PORT: "8000"
            ports:
              - "${PORT:-8000}:8000"
            depends_on:
              - db
            volumes:
              - ./data:/app/data
          db:
            image: postgres:16-alpine
            volumes:
              - db-data:/var/lib/postgresql/data
        volumes:
          db-data:
        x-notes: anything
        """;

    [Fact]
    public void A_well_formed_compose_file_has_no_problems() => Assert.Empty(ComposeFileCheck.Check(Valid));

    [Theory]
    [InlineData("services:\n  app:\n    image: x\n   ports: [1\n", 4, 4, "did not find expected key")]
    [InlineData("services:\n  app:\n    image: \"x\n", 3, 12, "quoted scalar")]
    [InlineData("services:\n  app:\n    image: x\n    image: y\n", 4, 5, "Duplicate key")]
    [InlineData("volumes: {}\n", 1, 1, "no 'services' key")]
    [InlineData("services: []\n", 1, 11, "'services' must map")]
    [InlineData("services:\n  app:\n    restart: always\n", 3, 5, "service 'app' has neither 'image' nor 'build'")]
    [InlineData("services:\n  app:\n    build: .\n    ports: \"8000:8000\"\n", 4, 12, "'ports' must be a list")]
    [InlineData("services:\n  app:\n    build: .\n    depends_on:\n      - db\n", 5, 9, "depends on 'db', which is not a service")]
    [InlineData("services:\n  app:\n    build: .\n    volumes:\n      - data:/data\n", 5, 9, "mounts the volume 'data'")]
    [InlineData("service:\n  app:\n    build: .\n", 1, 1, "unknown top-level key 'service'")]
    [InlineData("services:\n  app:\n    build: .\n---\nservices: {}\n", 1, 1, "expected one YAML document, found 2")]
    public void A_problem_says_where_it_is_and_what_is_wrong(string text, int line, int column, string message)
    {
        var problems = ComposeFileCheck.Check(text);

        var problem = Assert.Single(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.StartsWith($"line {line}, column {column}: ", problem.ToString(), StringComparison.Ordinal);
    }
}
