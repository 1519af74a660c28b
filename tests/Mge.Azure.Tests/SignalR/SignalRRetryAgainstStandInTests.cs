using System.Net;
using Mge.Azure.SignalR;

namespace Mge.Azure.Tests.SignalR;

/// <summary>Retries against the stand-in answering with injected failures (its own stand-in: the failures are global).</summary>
public sealed class SignalRRetryAgainstStandInTests(SignalRStandInFixture fixture) : IClassFixture<SignalRStandInFixture>
{
    [Fact]
    public async Task A_send_succeeds_after_the_service_was_busy_twice()
    {
        var before = fixture.StandIn.RestCallCount;
        fixture.StandIn.FailNextRestCalls(2, HttpStatusCode.ServiceUnavailable);

        await fixture.Client.SendToGroupAsync(SignalRStandInFixture.Hub, "run-retry", "progress", ["x"]);

        Assert.Equal(before + 3, fixture.StandIn.RestCallCount);
    }

    [Fact]
    public async Task A_service_that_stays_busy_fails_after_the_bounded_retries_with_its_status()
    {
        var before = fixture.StandIn.RestCallCount;
        fixture.StandIn.FailNextRestCalls(10, HttpStatusCode.TooManyRequests);
        var client = fixture.CreateClient(new SignalRRetryPolicy(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));

        try
        {
            var error = await Assert.ThrowsAsync<SignalRServiceException>(() => client.AddUserToGroupAsync(SignalRStandInFixture.Hub, "run-retry", "u"));

            Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
            Assert.Equal(3, error.Attempts);
            Assert.Equal("Injected failure.", error.ServiceMessage);
            Assert.Equal(before + 3, fixture.StandIn.RestCallCount);
        }
        finally
        {
            fixture.StandIn.FailNextRestCalls(0, HttpStatusCode.OK);
        }
    }
}
