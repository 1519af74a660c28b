using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>A request body read by <see cref="JsonBodyReader"/>: the value, or the problem to answer with (exactly one is set, except for an allowed empty body).</summary>
public sealed record JsonBody<T>(T? Value, JsonResult? Problem) where T : class;
