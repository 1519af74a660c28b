using System.Globalization;
using Microsoft.Extensions.Options;

namespace Mge.Pipeline.Requests;

/// <summary>Checks a user's request before a run is created: not empty, not longer than <see cref="PipelineOptions.MaxRequestLength"/>.</summary>
public sealed class GenerationRequestValidator
{
    private readonly int _maxLength;

    public GenerationRequestValidator(IOptions<PipelineOptions> options)
    {
        _maxLength = options.Value.MaxRequestLength;
    }

    public int MaxLength => _maxLength;

    /// <summary>Null when the request is acceptable, else the message to show the user.</summary>
    public string? Problem(string? request)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            return "The request is empty: describe the project to generate, e.g. \"Create a FastAPI REST API for task management with users, tasks and comments\".";
        }

        if (request.Length > _maxLength)
        {
            return string.Format(CultureInfo.InvariantCulture, "The request is {0:N0} characters; the limit is {1:N0}. Shorten it to the essentials (entities, their fields and the stack).", request.Length, _maxLength);
        }

        return null;
    }

    public bool TryValidate(string? request, out string error)
    {
        error = Problem(request) ?? string.Empty;
        return error.Length == 0;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the user-facing message when the request is not acceptable.</summary>
    public void EnsureValid(string? request)
    {
        var problem = Problem(request);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(request));
        }
    }
}
