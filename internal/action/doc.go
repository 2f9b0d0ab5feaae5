// Package action tests action.yml, the repository's composite GitHub
// action, by running its steps as a workflow would, without GitHub.
//
// The tests parse action.yml and run each `run:` step with
// `bash --noprofile --norc -eo pipefail`, as the runner does for
// `shell: bash`, in order, stopping at the first step that fails (every
// step's condition is the default success()). Before a step runs, its
// `run:`, `env:`, `working-directory:` and `with:` values have their
// `${{ ... }}` expressions replaced from a fake context:
//
//	inputs.NAME             the scenario's inputs over action.yml's defaults
//	                        (an input action.yml does not declare fails the test)
//	github.PATH             a nested map: github.base_ref,
//	                        github.event.pull_request.head.repo.full_name, ...
//	runner.NAME             os, arch, temp
//	env.NAME                the job's environment
//	steps.ID.outputs.NAME   what earlier steps wrote to $GITHUB_OUTPUT
//
// A missing property is the empty string, as in GitHub's expressions. An
// `if:` may be a conjunction (&&) of `X == 'literal'`, `X != 'literal'`,
// `X` or `!X` with X one of the paths above; anything else, status
// functions such as always() included, fails the test, which keeps the
// action's decisions in its scripts where these tests reach them.
// `uses:` steps are not run: the tests record whether their condition held
// and the `with:` values they would have received.
//
// Each step gets its own $GITHUB_OUTPUT, $GITHUB_ENV and
// $GITHUB_STEP_SUMMARY files, read back after it as the runner does:
// outputs become steps.ID.outputs, environment lines reach the later steps,
// and the summaries are joined into the job summary. $RUNNER_TEMP,
// $GITHUB_WORKSPACE and $GITHUB_ACTION_PATH are real directories: the
// workspace is a shallow checkout of a pull request's merge commit, made
// from a repository the test builds (a copy of testdata/example in svc/
// and an OpenAPI spec, changed on a branch), and the action path is this
// checkout, so the install step really builds apilint from it.
package action
