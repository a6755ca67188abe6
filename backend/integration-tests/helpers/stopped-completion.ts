/**
 * The database as a process killed inside Medusa's completeCartWorkflow leaves
 * it, between its createOrdersStep and the step that links the order to its
 * cart and payment collection, reserves its stock and marks the cart completed
 * (Medusa 2.21 core-flows `complete-cart.js`): the order and its lines exist,
 * nothing else does. Made here from a completed checkout by taking away what
 * those later steps wrote, because a SIGKILL lands in that window only by
 * chance (multi-process/razorpay-crash.spec.ts kills a real process).
 */
type Raw = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: any[] }> }

export async function rewindToStoppedCompletion(db: Raw, cartId: string): Promise<{ order_id: string }> {
  const { rows } = await db.raw(
    `select oc.order_id, cpc.payment_collection_id
       from order_cart oc
       left join cart_payment_collection cpc on cpc.cart_id = oc.cart_id and cpc.deleted_at is null
      where oc.cart_id = ? and oc.deleted_at is null`,
    [cartId]
  )
  if (!rows.length) throw new Error(`cart ${cartId} has no order to rewind`)
  const { order_id, payment_collection_id } = rows[0]
  await db.raw(`delete from order_cart where cart_id = ?`, [cartId])
  await db.raw(`delete from order_payment_collection where order_id = ?`, [order_id])
  await db.raw(`delete from order_transaction where order_id = ?`, [order_id])
  await db.raw(`delete from reservation_item where line_item_id in (select item_id from order_item where order_id = ?)`, [order_id])
  await db.raw(`delete from capture where payment_id in (select id from payment where payment_collection_id = ?)`, [payment_collection_id])
  await db.raw(`delete from payment where payment_collection_id = ?`, [payment_collection_id])
  await db.raw(`update payment_session set status = 'pending', authorized_at = null where payment_collection_id = ? and deleted_at is null`, [payment_collection_id])
  await db.raw(`update payment_collection set status = 'not_paid', authorized_amount = null, raw_authorized_amount = null, captured_amount = null, raw_captured_amount = null where id = ?`, [payment_collection_id])
  await db.raw(`update cart set completed_at = null where id = ?`, [cartId])
  return { order_id }
}
