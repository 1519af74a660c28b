using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>What <see cref="GenerationStarter.StartAsync"/> did: the accepted run, or the problem that stopped it (nothing stored or scheduled then).</summary>
public sealed record StartOutcome(GenerationAccepted? Accepted, JsonResult? Problem);
