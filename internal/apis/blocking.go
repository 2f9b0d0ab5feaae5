package apis

// RunsCommand is what running an external command does, for messages; the
// blocking analyzer recognises the effect by it.
const RunsCommand = "runs an external command"

// What the other blocking calls do, for messages.
const (
	sleeps = "sleeps"
	mails  = "sends mail"
	texts  = "sends an SMS"
	remote = "runs a remote command over SSH"
)

// ExecCmd is os/exec's *Cmd, the command whose Run, Output and Wait the
// tables list.
var ExecCmd = TypeRef{Pkg: "os/exec", Name: "Cmd", Ptr: true}

// SSHRequest is what sending a request over an SSH connection does, for
// messages: a round trip to another machine, like one outbound HTTP
// request. Work done after one (a job recorded once the agent answered)
// acknowledges it; the blocking analyzer does not report a single one,
// whose reply the handler usually needs.
const SSHRequest = "sends a request over SSH"

// blocking lists slow synchronous work: sleeping, mail and SMS SDKs,
// external commands. Users add their own in .apilint.yml (apis.blocking).
func blocking() []Call {
	note := func(calls []Call, what string) []Call {
		for i := range calls {
			calls[i].Note = what
		}
		return calls
	}
	var out []Call
	out = append(out, note(funcs("time", m("Sleep", Blocking)), sleeps)...)
	out = append(out, note(funcs("net/smtp", m("SendMail", Blocking)), mails)...)
	out = append(out, note(on("net/smtp", recv("Client"),
		m("Mail", Blocking), m("Rcpt", Blocking), m("Data", Blocking), m("Hello", Blocking),
		m("StartTLS", Blocking), m("Auth", Blocking), m("Quit", Blocking)), mails)...)
	out = append(out, note(funcs("net/smtp", m("Dial", Blocking)), mails)...)
	// exec.Command with a context in scope: CommandContext kills the
	// command when the context ends (notimeout).
	out = append(out, funcs("os/exec", noCtx("Command", None, "CommandContext"), m("CommandContext", None))...)
	out = append(out, note(on("os/exec", recv("Cmd"),
		m("Run", Blocking), m("Output", Blocking), m("CombinedOutput", Blocking), m("Wait", Blocking)), RunsCommand)...)
	// A command or request on another machine over SSH waits on that
	// machine, like an outbound request.
	out = append(out, note(on("golang.org/x/crypto/ssh", recv("Session"),
		m("Run", Blocking), m("Output", Blocking), m("CombinedOutput", Blocking), m("Wait", Blocking)), remote)...)
	out = append(out, note(on("golang.org/x/crypto/ssh", recv("Conn"), m("SendRequest", Blocking)), SSHRequest)...)
	out = append(out, note(on("github.com/sendgrid/sendgrid-go", recv("Client"),
		m("Send", Blocking), m("SendWithContext", Blocking)), mails)...)
	// Every major version (see AnyMajor): v5 renamed MailgunImpl to Client.
	out = append(out, note(on("github.com/mailgun/mailgun-go", recv("MailgunImpl", "Mailgun", "Client"), m("Send", Blocking)), mails)...)
	out = append(out, note(on("github.com/aws/aws-sdk-go-v2/service/sesv2", recv("Client"),
		m("SendEmail", Blocking), m("SendBulkEmail", Blocking)), mails)...)
	out = append(out, note(on("github.com/aws/aws-sdk-go-v2/service/ses", recv("Client"),
		m("SendEmail", Blocking), m("SendRawEmail", Blocking), m("SendTemplatedEmail", Blocking)), mails)...)
	out = append(out, note(on("github.com/aws/aws-sdk-go/service/ses", recv("SES"),
		m("SendEmail", Blocking), m("SendRawEmail", Blocking), m("SendEmailWithContext", Blocking)), mails)...)
	out = append(out, note(on("github.com/twilio/twilio-go/rest/api/v2010", recv("ApiService"),
		m("CreateMessage", Blocking), m("CreateCall", Blocking)), texts)...)
	out = append(out, note(on("gopkg.in/gomail.v2", recv("Dialer"),
		m("DialAndSend", Blocking)), mails)...)
	out = append(out, note(funcs("gopkg.in/gomail.v2", m("Send", Blocking)), mails)...)
	out = append(out, note(on("github.com/wneessen/go-mail", recv("Client"),
		m("DialAndSend", Blocking), m("DialAndSendWithContext", Blocking), m("Send", Blocking)), mails)...)
	out = append(out, note(funcs("github.com/emersion/go-smtp", m("SendMail", Blocking), m("SendMailTLS", Blocking), m("Dial", Blocking), m("DialTLS", Blocking), m("DialStartTLS", Blocking)), mails)...)
	out = append(out, note(on("github.com/emersion/go-smtp", recv("Client"),
		m("Mail", Blocking), m("Rcpt", Blocking), m("Data", Blocking), m("Hello", Blocking),
		m("StartTLS", Blocking), m("Auth", Blocking), m("Quit", Blocking), m("SendMail", Blocking)), mails)...)
	out = append(out, note(on("github.com/knadh/smtppool", recv("Pool"), m("Send", Blocking)), mails)...)
	out = append(out, note(on("github.com/knadh/smtppool/v2", recv("Pool"), m("Send", Blocking)), mails)...)
	out = append(out, note(on("github.com/jordan-wright/email", recv("Email"),
		m("Send", Blocking), m("SendWithTLS", Blocking), m("SendWithStartTLS", Blocking)), mails)...)
	return out
}

// Queue is a job queue or message broker library: work handed to it
// leaves the request path.
type Queue struct{ Pkg, Name string }

// Queues lists the queue libraries a blocking finding may suggest when
// the project already uses one.
var Queues = []Queue{
	{"github.com/hibiken/asynq", "asynq"},
	{"github.com/riverqueue/river", "River"},
	{"github.com/RichardKnop/machinery/v2", "machinery"},
	{"github.com/RichardKnop/machinery/v1", "machinery"},
	{"github.com/gocraft/work", "gocraft/work"},
	{"github.com/contribsys/faktory/client", "Faktory"},
	{"github.com/nats-io/nats.go", "NATS"},
	{"github.com/segmentio/kafka-go", "Kafka"},
	{"github.com/IBM/sarama", "Kafka"},
	{"github.com/Shopify/sarama", "Kafka"},
	{"github.com/twmb/franz-go/pkg/kgo", "Kafka"},
	{"cloud.google.com/go/pubsub", "Pub/Sub"},
	{"github.com/rabbitmq/amqp091-go", "RabbitMQ"},
	{"github.com/aws/aws-sdk-go-v2/service/sqs", "SQS"},
}
