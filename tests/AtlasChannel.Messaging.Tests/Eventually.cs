namespace AtlasChannel.Messaging.Tests;

/// <summary>Waits for a condition with a deadline (condition polling, not a sleep standing in for synchronisation).</summary>
internal static class Eventually
{
    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out after {timeout} waiting for: {what}");
            await Task.Delay(10);
        }
    }

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout} waiting for: {what}");
        }
    }

    public static async Task Within(this Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout} waiting for: {what}");
        }
    }
}
