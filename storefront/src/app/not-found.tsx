import Link from "next/link"

export default function NotFound() {
  return (
    <>
      <h1>We could not find that page</h1>
      <p>The sweet or page you are looking for is not here. It may have been renamed or taken off the menu.</p>
      <p>
        <Link className="button" href="/">
          See all sweets
        </Link>
      </p>
    </>
  )
}
