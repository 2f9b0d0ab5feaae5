package ignores

func bad() {}

func f() {
	bad() // want `call of bad`

	//apilint:ignore fake bad is fine here: it is a test double
	bad()

	bad() //apilint:ignore fake trailing comment with a reason

	//apilint:ignore fake // want `apilint:ignore fake needs a reason`
	bad()

	//apilint:ignore other,fake several rules, one reason
	bad()

	//apilint:ignore fake nothing to suppress on the next line // want `apilint:ignore fake suppresses nothing`
	_ = 1

	//apilint:ignore other a directive for another rule is not ours
	bad() // want `call of bad`

	//apilint:ignore fake only the next line is covered // want `suppresses nothing`
	_ = 2
	bad() // want `call of bad`
}
