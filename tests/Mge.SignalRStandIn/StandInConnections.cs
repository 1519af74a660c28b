namespace Mge.SignalRStandIn;

/// <summary>
/// What the stand-in service knows about its clients: each connection's logical hub and user, and which groups
/// each user of a hub belongs to. A user's groups outlive its connections, as in the real service: a connection
/// the user opens later joins them too. Membership changes run one at a time (<see cref="LockAsync"/>), so a
/// connection arriving while its user is added to a group ends up in it either way.
/// </summary>
internal sealed class StandInConnections
{
    private readonly SemaphoreSlim _membership = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Hub, string User), HashSet<string>> _userGroups = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The hub name the stand-in routes by (hub names are case-insensitive in the service).</summary>
    public static string HubKey(string hub) => hub.ToLowerInvariant();

    /// <summary>The SignalR group that stands for <paramref name="group"/> of <paramref name="hub"/> (groups are per hub).</summary>
    public static string GroupKey(string hub, string group) => $"{HubKey(hub)}\u001f{group}";

    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await _membership.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_membership);
    }

    /// <summary>Registers a connection (not yet ready) and returns the groups its user already belongs to.</summary>
    public IReadOnlyList<string> Connect(string connectionId, string hub, string? userId)
    {
        lock (_gate)
        {
            _connections[connectionId] = new Connection(HubKey(hub), userId, Ready: false);
            return userId is not null && _userGroups.TryGetValue((HubKey(hub), userId), out var groups) ? [.. groups] : [];
        }
    }

    /// <summary>The connection has joined its user's groups: messages to them reach it from now on.</summary>
    public void MarkReady(string connectionId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var connection))
            {
                _connections[connectionId] = connection with { Ready = true };
            }

            Signal();
        }
    }

    public void Disconnect(string connectionId)
    {
        lock (_gate)
        {
            _connections.Remove(connectionId);
            Signal();
        }
    }

    /// <summary>Records the membership and returns the user's current connections in the hub.</summary>
    public IReadOnlyList<string> AddUserToGroup(string hub, string group, string userId)
    {
        lock (_gate)
        {
            var key = (HubKey(hub), userId);
            if (!_userGroups.TryGetValue(key, out var groups))
            {
                _userGroups[key] = groups = new HashSet<string>(StringComparer.Ordinal);
            }

            groups.Add(group);
            return ConnectionsOfUserLocked(hub, userId);
        }
    }

    /// <summary>Forgets the membership and returns the user's current connections in the hub.</summary>
    public IReadOnlyList<string> RemoveUserFromGroup(string hub, string group, string userId)
    {
        lock (_gate)
        {
            if (_userGroups.TryGetValue((HubKey(hub), userId), out var groups))
            {
                groups.Remove(group);
            }

            return ConnectionsOfUserLocked(hub, userId);
        }
    }

    public IReadOnlyList<string> ConnectionsOfUser(string hub, string userId)
    {
        lock (_gate)
        {
            return ConnectionsOfUserLocked(hub, userId);
        }
    }

    public bool IsConnectedToHub(string connectionId, string hub)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(connectionId, out var connection) && connection.Hub == HubKey(hub);
        }
    }

    /// <summary>Completes once the user has at least <paramref name="count"/> ready connections to the hub.</summary>
    public async Task WaitForUserConnectionsAsync(string hub, string userId, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var ready = _connections.Values.Count(c => c.Ready && c.Hub == HubKey(hub) && c.UserId == userId);
                if (ready >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private List<string> ConnectionsOfUserLocked(string hub, string userId) =>
        [.. _connections.Where(c => c.Value.Hub == HubKey(hub) && c.Value.UserId == userId).Select(c => c.Key)];

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Connection(string Hub, string? UserId, bool Ready);

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
