using AtlasChannel.Contracts;
using AtlasChannel.Messaging;

namespace AtlasChannel.Features.Accounts;

/// <summary>EVENT_TOPIC_ACCOUNT_STATUS → the logged-in registry behind <c>LoggedInValidator</c>.</summary>
public sealed class AccountStatusEvents(AccountLoginRegistry accounts) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<AccountStatusEvent>(Topics.EventAccountStatus, (message, _) =>
        {
            var status = message.Message;
            if (status.Status == AccountStatuses.LoggedIn)
                accounts.Set(message.Tenant.Id, (int)status.AccountId, loggedIn: true);
            else if (status.Status is AccountStatuses.LoggedOut or AccountStatuses.Deleted)
                accounts.Set(message.Tenant.Id, (int)status.AccountId, loggedIn: false);
            return ValueTask.CompletedTask;
        });
    }
}
