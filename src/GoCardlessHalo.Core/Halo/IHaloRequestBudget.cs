// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace GoCardlessHalo.Core.Halo
{
    /// <summary>
    /// What a target that spends a request budget (the Halo API) offers beyond <see cref="IHaloTarget"/>: how long a
    /// run's requests would wait under the budget, so a run can say so before it starts waiting. Asked for with a
    /// type test; the SQL targets spend no budget and do not offer it.
    /// </summary>
    public interface IHaloRequestBudget
    {
        /// <summary>Requests allowed per rolling 5 minutes; 0 when the module does not pace itself.</summary>
        int RequestsPer5Minutes { get; }

        /// <summary>About how long <paramref name="requests"/> more requests would wait, given the requests the module's runs on this machine sent recently.</summary>
        Task<TimeSpan> EstimateWaitAsync(int requests, CancellationToken cancellationToken);
    }
}
