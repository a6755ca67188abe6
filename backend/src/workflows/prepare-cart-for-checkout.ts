import type { BigNumberInput, CartDTO, CreateCartAddressDTO } from "@medusajs/framework/types"
import { CartWorkflowEvents, MedusaError, Modules } from "@medusajs/framework/utils"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addShippingMethodToCartStep,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  emitEventStep,
  findOrCreateCustomerStep,
  listShippingOptionsForCartWithPricingWorkflow,
  refreshCartItemsWorkflow,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartsStep,
  useQueryGraphStep,
  validateCartShippingOptionsPriceStep,
  validateCartShippingOptionsStep,
  validateCartStep,
} from "@medusajs/medusa/core-flows"
import { CHECKOUT_CART_KEY } from "@sweetshop/shop-contracts"

export type PrepareCartForCheckoutInput = {
  cart_id: string
  email: string
  shipping_address: CreateCartAddressDTO
  billing_address: CreateCartAddressDTO
  metadata?: Record<string, unknown>
  shipping_option_id: string
}

/**
 * The checkout page's details and delivery choice, put on the cart in one
 * workflow made of Medusa's own cart steps: what `updateCartWorkflow` (email,
 * customer, addresses) and `addShippingMethodToCartWorkflow` (the option priced
 * for this cart, validated, replacing any earlier choice) do, followed by ONE
 * full refresh of the cart (prices, tax lines for the new address and the
 * shipping method, promotions, payment collection), and the payment
 * collection for the cart's total, opened if the cart has none.
 *
 * Run one after the other, those two workflows refresh the whole cart twice
 * and load it four times; this is the larger part of what
 * `POST /store/carts/:id/checkout` saves over the eight store calls
 * (docs/performance.md has the figures).
 */
export const prepareCartForCheckoutWorkflow = createWorkflow(
  "sweetshop-prepare-cart-for-checkout",
  (input: PrepareCartForCheckoutInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })

    const { data: cart } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "email", "customer_id", "completed_at", "metadata", "shipping_methods.id"],
      filters: { id: input.cart_id },
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-cart-to-check-out" })
    // Query's generated entity type of a cart (medusa build's .medusa/types) is not the DTO the step names.
    validateCartStep({ cart: cart as unknown as CartDTO })

    const customer = findOrCreateCustomerStep({ customerId: cart.customer_id, email: input.email })

    const cartUpdate = transform({ input, cart, customer }, ({ input, cart, customer }) => {
      const found = customer?.customer
      return {
        id: input.cart_id,
        // As updateCartWorkflow does it.
        email: found && !found.has_account ? customer.email ?? input.email : input.email,
        ...(found ? { customer_id: found.id } : {}),
        shipping_address: input.shipping_address,
        billing_address: input.billing_address,
        // The cart's id rides on its metadata into the order Medusa makes from it
        // (findStoppedCompletion in the contracts: an order whose link to the cart was never written).
        metadata: { ...(cart.metadata ?? {}), ...(input.metadata ?? {}), [CHECKOUT_CART_KEY]: input.cart_id },
      }
    })
    updateCartsStep([cartUpdate])

    // The option as Medusa prices it for this cart, now that the cart has its address.
    const shippingOptions = listShippingOptionsForCartWithPricingWorkflow.runAsStep({
      input: { cart_id: input.cart_id, options: [{ id: input.shipping_option_id }], is_return: false },
    })
    const optionIds = transform({ input }, ({ input }) => [input.shipping_option_id])
    validateCartShippingOptionsStep({ option_ids: optionIds, prefetched_shipping_options: shippingOptions })
    validateCartShippingOptionsPriceStep({ shippingOptions })

    const method = transform({ input, shippingOptions }, ({ input, shippingOptions }) => {
      const option = (shippingOptions as any[]).find((o) => o.id === input.shipping_option_id)
      if (!option?.calculated_price) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "This delivery choice has no price for your cart; please choose another.")
      }
      return [
        {
          shipping_option_id: option.id,
          amount: option.calculated_price.calculated_amount,
          is_tax_inclusive: !!option.calculated_price.is_calculated_price_tax_inclusive,
          data: {},
          name: option.name,
          cart_id: input.cart_id,
        },
      ]
    })
    const earlierMethodIds = transform({ cart }, ({ cart }) => (cart.shipping_methods ?? []).map((m: any) => m.id))
    parallelize(removeShippingMethodFromCartStep({ shipping_method_ids: earlierMethodIds }), addShippingMethodToCartStep({ shipping_methods: method }))

    // One full refresh: item prices, tax lines of items and the shipping method
    // for the new address, promotions, the payment collection's amount.
    refreshCartItemsWorkflow.runAsStep({ input: { cart_id: input.cart_id, force_refresh: true } })

    // The payment collection for the cart's total, opened here if the cart has
    // none yet (as createPaymentCollectionForCartWorkflow does it).
    const { data: priced } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "currency_code", "total", "raw_total", "payment_collection.id", "payment_collection.amount"],
      filters: { id: input.cart_id },
      options: { isList: false },
    }).config({ name: "get-cart-total-and-payment-collection" })
    const opened = when("open-payment-collection", { priced }, ({ priced }) => !priced.payment_collection).then(() => {
      const created = createPaymentCollectionsStep([
        transform({ priced }, ({ priced }) => ({ currency_code: priced.currency_code, amount: (priced as unknown as { raw_total: BigNumberInput }).raw_total })),
      ] as any)
      const link = transform({ input, created }, ({ input, created }) => [
        { [Modules.CART]: { cart_id: input.cart_id }, [Modules.PAYMENT]: { payment_collection_id: created[0].id } },
      ])
      createRemoteLinkStep(link).config({ name: "checkout-cart-payment-collection-link" })
      return created
    })
    const paymentCollection = transform({ priced, opened }, ({ priced, opened }) => {
      const collection = (priced.payment_collection ?? opened?.[0]) as { id: string; amount: unknown }
      return { id: collection.id, amount: Number(collection.amount) }
    })

    parallelize(
      emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: input.cart_id } }),
      releaseLockStep({ key: input.cart_id })
    )
    return new WorkflowResponse({ payment_collection: paymentCollection })
  }
)
