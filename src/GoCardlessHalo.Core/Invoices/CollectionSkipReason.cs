// Copyright (c) GoCardlessHalo contributors. MIT licence.
namespace GoCardlessHalo.Core.Invoices
{
    /// <summary>Why an invoice in scope will not be charged (issue 9, Get-GcCollectionPlan).</summary>
    public enum CollectionSkipReason
    {
        /// <summary>Collectable: no reason to skip.</summary>
        None,

        /// <summary>Not posted in Halo yet.</summary>
        NotPosted,

        /// <summary>Voided in Halo.</summary>
        Voided,

        /// <summary>Nothing due: paid, or a credit note (zero or negative).</summary>
        NothingDue,

        /// <summary>Halo gave no currency the module can trust.</summary>
        CurrencyUnknown,

        /// <summary>The amount has more decimals than the currency.</summary>
        AmountNotExact,

        /// <summary>No linked Halo user of the customer has an active mandate.</summary>
        NoMandate,

        /// <summary>Mandates exist, but none collects the invoice's currency.</summary>
        CurrencyNotCollectable,

        /// <summary>More than one mandate could pay it and the configured rule does not decide.</summary>
        SeveralMandates,

        /// <summary>The mandate the rule chose belongs to a different GoCardless customer than the one linked.</summary>
        MandateOfAnotherCustomer,

        /// <summary>A payment for it exists and is still live.</summary>
        AlreadyCollected,

        /// <summary>A payment for it failed, was cancelled or charged back; only an explicit retry charges it again.</summary>
        PreviousAttemptFailed,

        /// <summary>Its payment failed and GoCardless will retry it itself (Success+, will_attempt_retry): not even -Retry charges it.</summary>
        GoCardlessRetrying,

        /// <summary>Changed in Halo (amount, void, credit) after its payment was created.</summary>
        ChangedAfterCollection,

        /// <summary>The admin put the invoice or its customer on hold.</summary>
        OnHold,

        /// <summary>Above -MaximumAmount.</summary>
        AboveMaximum,

        /// <summary>The plan piped into New-GcPayment skipped it, or showed another amount than Halo holds now.</summary>
        DiffersFromPlan,
    }
}
