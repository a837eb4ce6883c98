// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using GoCardlessHalo.Core.Completion;

namespace GoCardlessHalo.Completion
{
    /// <summary>-Status: the payment statuses GoCardless documents (no cache needed).</summary>
    public sealed class PaymentStatusCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => CompletionCandidates.PaymentStatuses;
    }

    /// <summary>-GoCardlessField: metadata keys seen in GoCardless, then the payment.* and mandate.* sources.</summary>
    public sealed class GoCardlessFieldCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => CompletionCandidates.GoCardlessFields(cached);
    }

    /// <summary>-HaloField: Halo's Text custom fields of users.</summary>
    public sealed class HaloFieldCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => cached.HaloUserTextFields;
    }

    /// <summary>-Client: active Halo customer names.</summary>
    public sealed class HaloClientCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => cached.HaloClients;
    }

    /// <summary>-Site: active Halo site names.</summary>
    public sealed class HaloSiteCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => cached.HaloSiteNames;
    }

    /// <summary>-DefaultSite: active Halo sites as "Customer/Site", the form that names one site unambiguously.</summary>
    public sealed class DefaultSiteCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => cached.HaloSites;
    }

    /// <summary>-CustomerId: GoCardless customer ids seen.</summary>
    public sealed class CustomerIdCompleter : CachedNameCompleter
    {
        protected override IEnumerable<string> Candidates(CompletionNames cached) => cached.GoCardlessCustomerIds;
    }
}
